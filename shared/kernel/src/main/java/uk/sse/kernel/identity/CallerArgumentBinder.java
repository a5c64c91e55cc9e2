package uk.sse.kernel.identity;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * Lets a controller method take a {@link Caller} parameter. A token without a known role is treated as
 * unauthenticated: no endpoint can be reached with an unusable identity.
 */
@Singleton
public class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {

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
        Optional<Caller> caller = callerOf(authentication.get());
        if (caller.isEmpty()) {
            throw new AuthorizationException(null);
        }
        return () -> caller;
    }

    public static Optional<Caller> callerOf(Authentication authentication) {
        Role role = roleOf(authentication.getAttributes().get(Role.CLAIM));
        if (role == null) {
            return Optional.empty();
        }
        return Optional.of(new Caller(authentication.getName(), role,
                text(authentication.getAttributes().get(Caller.AREA_CLAIM)),
                text(authentication.getAttributes().get(Caller.ORGANISATION_CLAIM))));
    }

    private static Role roleOf(Object claim) {
        Object value = claim instanceof Iterable<?> many && many.iterator().hasNext() ? many.iterator().next() : claim;
        if (value == null) {
            return null;
        }
        try {
            return Role.valueOf(value.toString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String text(Object claim) {
        return claim == null || claim.toString().isBlank() ? null : claim.toString();
    }
}
