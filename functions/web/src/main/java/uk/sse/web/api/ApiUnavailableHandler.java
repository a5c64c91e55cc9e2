package uk.sse.web.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 503 (rendered as a page by the error pages), logged with what failed; the person sees no detail. */
@Singleton
public class ApiUnavailableHandler implements ExceptionHandler<ApiUnavailable, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiUnavailableHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiUnavailable exception) {
        LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5");
    }
}
