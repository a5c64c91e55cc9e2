package uk.sse.kernel.identity;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lets a controller method take a {@link Caller} parameter. A person's token without a known role is treated as
 * unauthenticated: no endpoint can be reached with an unusable identity. A service's token (its client is one of
 * {@link IdentitySettings#serviceClients()}) reaches only routes that admit one of its scopes ({@link ServiceAdmission});
 * the person it acts for comes from the {@code Acting-*} headers, which only a service's call is read for. A person may
 * name the membership they are wearing in the {@link #MEMBERSHIP} header ({@code ROLE@area/org}); one their token does
 * not carry is refused (403), never added (decision 0080).
 */
@Singleton
public class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {

    public static final String ACTING_SUBJECT = "Acting-Subject";
    public static final String ACTING_ROLE = "Acting-Role";
    public static final String ACTING_AREA = "Acting-Area";
    public static final String ACTING_ORG = "Acting-Org";
    /** The membership a person says they are wearing, one of their token's. */
    public static final String MEMBERSHIP = "Membership";
    /** What an acting person's parts may be: short, printable, no separators that could forge a log line. */
    private static final Pattern ACTING_PART = Pattern.compile("[A-Za-z0-9:_.@\\-]{1,128}");

    private final IdentitySettings identity;

    public CallerArgumentBinder(IdentitySettings identity) {
        this.identity = identity;
    }

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Optional<Authentication> authentication = source.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            throw new AuthorizationException(null);
        }
        Optional<Caller> caller = callerOf(authentication.get(), source);
        if (caller.isEmpty()) {
            throw new AuthorizationException(null);
        }
        String chosen = source.getHeaders().get(MEMBERSHIP);
        if (chosen == null || caller.get().isService()) {
            return () -> caller;
        }
        Optional<Caller> wearing = Membership.parse(chosen).flatMap(caller.get()::wearing);
        if (wearing.isEmpty()) {
            throw new AuthorizationException(authentication.get());
        }
        return () -> wearing;
    }

    /** The caller a validated token names: a service by its client id, or a person by their memberships. */
    public Optional<Caller> callerOf(Authentication authentication, HttpRequest<?> request) {
        Object client = authentication.getAttributes().get(TokenClaims.CLIENT_ID);
        if (client != null && identity.isService(client.toString())) {
            Object scope = authentication.getAttributes().get(TokenClaims.SCOPE);
            Set<String> scopes = scope == null
                    ? Set.of()
                    : Arrays.stream(scope.toString().split(" "))
                            .filter(s -> !s.isBlank())
                            .collect(Collectors.toSet());
            return Optional.of(Caller.service(client.toString(), scopes, acting(request)));
        }
        return personOf(authentication);
    }

    /** The person a token names by their memberships (or the role, area and organisation of an older token); none without one. */
    public static Optional<Caller> personOf(Authentication authentication) {
        List<Membership> memberships = TokenMemberships.of(authentication.getAttributes());
        return memberships.isEmpty()
                ? Optional.empty()
                : Optional.of(Caller.person(authentication.getName(), memberships));
    }

    private static Caller.Acting acting(HttpRequest<?> request) {
        String subject = part(request, ACTING_SUBJECT);
        return subject == null
                ? null
                : new Caller.Acting(
                        subject, part(request, ACTING_ROLE), part(request, ACTING_AREA), part(request, ACTING_ORG));
    }

    private static String part(HttpRequest<?> request, String header) {
        String value = request.getHeaders().get(header);
        return value != null && ACTING_PART.matcher(value).matches() ? value : null;
    }
}
