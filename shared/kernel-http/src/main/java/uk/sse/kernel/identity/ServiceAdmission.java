package uk.sse.kernel.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * Least authority for services: a token of a service client reaches a route only if the route admits one of the
 * service's scopes ({@link AdmitsServices}); everywhere else it is refused, whatever the route's own rule says. People's
 * tokens are left to the other rules. Runs before {@code @Secured}.
 */
@Singleton
public class ServiceAdmission implements SecurityRule<HttpRequest<?>> {

    public static final int ORDER = SecuredAnnotationRule.ORDER - 100;

    private final CallerArgumentBinder callers;

    public ServiceAdmission(CallerArgumentBinder callers) {
        this.callers = callers;
    }

    @Override
    public Publisher<SecurityRuleResult> check(
            @Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || authentication == null) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        Caller caller = callers.callerOf(authentication, request).orElse(null);
        if (caller == null || !caller.isService()) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        Set<String> admitted = RouteAttributes.getRouteMatch(request)
                .map(route -> Set.of(route.getAnnotationMetadata().stringValues(AdmitsServices.class)))
                .orElse(Set.of());
        return Publishers.just(
                admitted.stream().anyMatch(caller::isServiceWith)
                        ? SecurityRuleResult.UNKNOWN
                        : SecurityRuleResult.REJECTED);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
