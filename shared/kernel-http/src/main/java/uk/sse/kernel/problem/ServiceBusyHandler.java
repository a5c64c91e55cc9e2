package uk.sse.kernel.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 503 with Retry-After for {@link ServiceBusy}: the client's repeat is what settles the request. */
@Singleton
public class ServiceBusyHandler implements ExceptionHandler<ServiceBusy, HttpResponse<Problem>> {

    public static final String RETRY_AFTER_SECONDS = "1";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceBusyHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ServiceBusy busy) {
        LOG.warn("busy: {} {}: {}", request.getMethod(), request.getPath(), busy.getMessage(), busy.getCause());
        var response = Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "busy",
                busy.getMessage() + "; repeat the same request to settle it",
                null,
                null);
        return response.body(response.body().withInstance(request.getPath()))
                .header("Retry-After", RETRY_AFTER_SECONDS);
    }
}
