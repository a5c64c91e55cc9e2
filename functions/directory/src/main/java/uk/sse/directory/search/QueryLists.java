package uk.sse.directory.search;

import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import uk.sse.kernel.problem.Problem;
import uk.sse.kernel.problem.Problems;

/**
 * Repeatable query values, read whole: {@code a=x&a=y}, or {@code a=x,y} as API Gateway joins them. Binding a
 * {@code List} parameter through the Lambda proxy keeps only the first value, so the lists are read here.
 */
final class QueryLists {

    private QueryLists() {}

    static List<String> values(HttpParameters parameters, String name) {
        return parameters.getAll(name).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
    }

    static <E extends Enum<E>> List<E> enums(HttpParameters parameters, String name, Class<E> type) {
        return values(parameters, name).stream()
                .map(value -> {
                    try {
                        return Enum.valueOf(type, value);
                    } catch (IllegalArgumentException unknown) {
                        throw new UnknownValue(name, value, type);
                    }
                })
                .toList();
    }

    /** A query value that is not of the shape asked for: 400, naming it. */
    static HttpResponse<Problem> malformed(HttpRequest<?> request, String field, String message) {
        var response = Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)),
                null);
        return response.body(response.body().withInstance(request.getPath()));
    }

    /** A value outside an enumeration: malformed, so 400 like any other value that does not convert. */
    static final class UnknownValue extends RuntimeException {

        private final String field;

        UnknownValue(String field, String value, Class<? extends Enum<?>> type) {
            super("'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            this.field = field;
        }

        HttpResponse<Problem> problem(HttpRequest<?> request) {
            return malformed(request, field, getMessage());
        }
    }
}
