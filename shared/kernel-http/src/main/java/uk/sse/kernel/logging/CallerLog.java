package uk.sse.kernel.logging;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;

/**
 * Once the token is checked, who is calling joins the request's logging context: the subject, the role and the area
 * the token names. Never the token, and nothing the caller wrote.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CallerLog implements Ordered {

    @RequestFilter
    public void identify(HttpRequest<?> request, MutablePropagatedContext propagated) {
        LogFields fields =
                request.getAttribute(LogFields.ATTRIBUTE, LogFields.class).orElse(null);
        Authentication authentication =
                request.getUserPrincipal(Authentication.class).orElse(null);
        if (fields == null || authentication == null) {
            return;
        }
        fields.put(LogFields.CALLER, authentication.getName());
        fields.put(LogFields.ROLE, text(authentication.getAttributes().get(Role.CLAIM)));
        fields.put(LogFields.AREA, text(authentication.getAttributes().get(Caller.AREA_CLAIM)));
        fields.propagate(propagated);
    }

    private static String text(Object claim) {
        Object value = claim instanceof Iterable<?> many && many.iterator().hasNext()
                ? many.iterator().next()
                : claim;
        return value == null ? null : value.toString();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
