package uk.sse.kernel.logging;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import uk.sse.kernel.correlation.Correlation;

/**
 * Opens each request's logging context and closes it with one access line. Before anything else runs (so that a 401
 * or a 413 is logged and answered the same way): the correlation id (the caller's {@value Correlation#HEADER}, or a
 * new one), API Gateway's request id and the function's name go into the context of every line logged while the
 * request is served, on whatever thread serves it; the answer carries the correlation id back. Who the caller is joins
 * the context once the token is checked ({@link CallerLog}). Nothing from the body, the query or the token is logged.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLog implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("uk.sse.access");

    private final String function;

    public RequestLog(@Nullable @Value("${micronaut.application.name:}") String applicationName) {
        String lambda = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        this.function = lambda != null && !lambda.isBlank() ? lambda : applicationName == null ? "" : applicationName;
    }

    @RequestFilter
    public void begin(HttpRequest<?> request, MutablePropagatedContext propagated) {
        LogFields fields = new LogFields(System.nanoTime());
        fields.put(
                Correlation.KEY, Correlation.acceptOrMake(request.getHeaders().get(Correlation.HEADER)));
        fields.put(LogFields.FUNCTION, function);
        ApiGatewayRequests.requestId(request).ifPresent(id -> fields.put(LogFields.REQUEST_ID, id));
        request.setAttribute(LogFields.ATTRIBUTE, fields);
        fields.propagate(propagated);
    }

    /** Also for answers made from a failure (a refused token, an exception): {@code failure} is what made them. */
    @ResponseFilter
    public void end(HttpRequest<?> request, MutableHttpResponse<?> response, @Nullable Throwable failure) {
        LogFields fields =
                request.getAttribute(LogFields.ATTRIBUTE, LogFields.class).orElse(null);
        if (fields == null) {
            return;
        }
        response.header(Correlation.HEADER, fields.get(Correlation.KEY));
        Map<String, String> before = MDC.getCopyOfContextMap();
        MDC.setContextMap(fields.withContextOf(before));
        try {
            int status = response.code();
            String route = request.getMethodName() + " "
                    + BasicHttpAttributes.getUriTemplate(request).orElse(request.getPath());
            long millis = (System.nanoTime() - fields.startedNanos()) / 1_000_000;
            if (status >= 500) {
                LOG.error("{} answered {} in {} ms", route, status, millis);
            } else {
                LOG.info("{} answered {} in {} ms", route, status, millis);
            }
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
