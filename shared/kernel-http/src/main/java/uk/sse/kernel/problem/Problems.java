package uk.sse.kernel.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Builds problem+json responses for the outcomes the use cases return as values. */
public final class Problems {

    private static final String TYPE_BASE = "https://schoolsupport.exchange/problems/";

    private Problems() {}

    public static MutableHttpResponse<Problem> of(
            HttpStatus status, String slug, String detail, List<Problem.FieldError> errors, List<String> allowed) {
        Problem problem = new Problem(
                TYPE_BASE + slug,
                status.getReason(),
                status.getCode(),
                detail,
                null,
                errors == null ? List.of() : errors,
                allowed == null ? List.of() : allowed);
        return HttpResponse.<Problem>status(status).body(problem).contentType(Problem.MEDIA_TYPE);
    }

    public static MutableHttpResponse<Problem> invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request", detail, errors, null);
    }

    public static MutableHttpResponse<Problem> invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static MutableHttpResponse<Problem> notFound(String what) {
        return of(HttpStatus.NOT_FOUND, "not-found", what + " was not found", null, null);
    }

    public static MutableHttpResponse<Problem> forbidden(String why) {
        return of(HttpStatus.FORBIDDEN, "forbidden", why, null, null);
    }

    public static MutableHttpResponse<Problem> conflict(String why, List<String> allowed) {
        return of(HttpStatus.CONFLICT, "conflict", why, null, allowed);
    }

    public static MutableHttpResponse<Problem> stale(String why) {
        return of(HttpStatus.PRECONDITION_FAILED, "stale-version", why, null, null);
    }

    public static MutableHttpResponse<Problem> preconditionRequired(String why) {
        return of(
                HttpStatus.PRECONDITION_REQUIRED,
                "precondition-required",
                why,
                List.of(new Problem.FieldError("If-Match", why)),
                null);
    }
}
