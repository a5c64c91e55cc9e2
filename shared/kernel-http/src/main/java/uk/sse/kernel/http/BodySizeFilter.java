package uk.sse.kernel.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.OptionalLong;
import uk.sse.kernel.problem.Problem;
import uk.sse.kernel.problem.Problems;

/** Refuses an oversized body with 413 before anything reads it. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class BodySizeFilter implements Ordered {

    private final BodyLimits limits;

    public BodySizeFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<Problem> refuseOversized(HttpRequest<?> request) {
        long limit = limits.limitFor(request.getPath());
        long length = request.getContentLength();
        if (length < 0 && request.getMethod().permitsRequestBody()) {
            length = bufferedLength(request);
        }
        if (length <= limit) {
            return null;
        }
        String message = "the body is " + length + " bytes; at most " + limit + " are accepted";
        var response = Problems.of(
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "body-too-large",
                message,
                List.of(new Problem.FieldError("body", message)),
                null);
        return response.body(response.body().withInstance(request.getPath()));
    }

    /** The Lambda path holds the whole body already; a body that cannot be read is left to the route to refuse. */
    private static long bufferedLength(HttpRequest<?> request) {
        try {
            if (request instanceof ServerHttpRequest<?> server) {
                OptionalLong known = server.byteBody().expectedLength();
                if (known.isPresent()) {
                    return known.getAsLong();
                }
            }
            return request.getBody(byte[].class).map(b -> (long) b.length).orElse(0L);
        } catch (RuntimeException unreadable) {
            return 0L;
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
