package uk.sse.kernel.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field (a JSON pointer-like path such
 * as {@code /title} or a query parameter name) so that a client can put the message next to it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        List<String> allowed) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Serdeable
    public record FieldError(String field, String message) {}

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, allowed);
    }
}
