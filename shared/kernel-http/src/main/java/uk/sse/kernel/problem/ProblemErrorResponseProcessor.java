package uk.sse.kernel.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every error the framework reports (bad JSON, conversion failures, 401, 403, 404, 405, 413, 415, 500)
 * leaves as RFC 9457 problem+json, with the offending field named where the framework knows it.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        List<Problem.FieldError> errors = new ArrayList<>();
        String detail = null;
        for (var error : context.getErrors()) {
            String message = status.getCode() >= 500 ? "the server could not complete the request" : error.getMessage();
            if (error.getPath().isPresent()) {
                errors.add(new Problem.FieldError(error.getPath().get(), message));
            } else if (detail == null) {
                detail = message;
            }
        }
        if (detail == null) {
            detail = errors.isEmpty()
                    ? defaultDetail(status)
                    : errors.get(0).field() + ": " + errors.get(0).message();
        }
        Problem problem = new Problem(
                "https://schoolsupport.exchange/problems/" + slug(status),
                status.getReason(),
                status.getCode(),
                detail,
                context.getRequest().getPath(),
                errors,
                List.of());
        return base.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static String defaultDetail(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "a valid bearer token is required";
            case FORBIDDEN -> "your role or area does not allow this";
            case NOT_FOUND -> "no such resource";
            case INTERNAL_SERVER_ERROR -> "the server could not complete the request";
            default -> status.getReason();
        };
    }

    private static String slug(HttpStatus status) {
        return status.getReason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
