package uk.sse.kernel.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;

/** Bad input is the client's to fix: each handler answers 400 or 422 naming the field. */
public final class BadInputHandlers {

    private BadInputHandlers() {}

    /** Bean validation failed: the JSON was well formed but a value breaks a rule. */
    @Singleton
    @Replaces(ConstraintExceptionHandler.class)
    public static class ConstraintViolations
            implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
            List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(FieldPaths.of(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            var response = Problems.invalid(errors);
            return response.body(response.body().withInstance(request.getPath()));
        }
    }

    /** A value could not be read as its type: wrong JSON type, unknown enum constant, bad number. */
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    public static class ConversionErrors implements ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConversionErrorException exception) {
            String fromMessage = FieldPaths.fromSerdeMessage(messages(exception));
            String field =
                    fromMessage != null ? fromMessage : exception.getArgument().getName();
            return badRequest(request, field, readable(exception));
        }
    }

    /** A required query value, header or body is missing: named as the client sends it, e.g. {@code area}. */
    @Singleton
    @Replaces(UnsatisfiedRouteHandler.class)
    public static class MissingValues implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnsatisfiedRouteException exception) {
            return missing(request, exception.getArgument());
        }
    }

    /** The same, where binding reports it as an unsatisfied argument. */
    @Singleton
    @Replaces(UnsatisfiedArgumentHandler.class)
    public static class MissingArguments
            implements ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnsatisfiedArgumentException exception) {
            return missing(request, exception.getArgument());
        }
    }

    static HttpResponse<Problem> missing(HttpRequest<?> request, Argument<?> argument) {
        AnnotationMetadata annotations = argument.getAnnotationMetadata();
        if (annotations.hasAnnotation(Body.class)) {
            return badRequest(request, "body", "a body is required");
        }
        String field = annotations
                .stringValue(QueryValue.class)
                .or(() -> annotations.stringValue(Header.class))
                .filter(name -> !name.isEmpty())
                .orElse(argument.getName());
        return badRequest(request, field, "is required");
    }

    /** A paging cursor that is not one the listing gave. */
    @Singleton
    public static class InvalidCursors
            implements ExceptionHandler<uk.sse.kernel.dynamo.InvalidCursor, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, uk.sse.kernel.dynamo.InvalidCursor exception) {
            var response = Problems.invalid("cursor", exception.getMessage());
            return response.body(response.body().withInstance(request.getPath()));
        }
    }

    /** The body is not JSON, or names a field the resource does not have. */
    @Singleton
    public static class CodecErrors implements ExceptionHandler<CodecException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CodecException exception) {
            String all = messages(exception);
            String body = bodyText(request);
            String field = FieldPaths.fromSerdeMessage(all, body);
            if (field == null) {
                field = FieldPaths.atLocation(all, body);
            }
            return badRequest(request, field == null ? "body" : field, readable(exception));
        }
    }

    static HttpResponse<Problem> badRequest(HttpRequest<?> request, String field, String message) {
        var response = Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)),
                null);
        return response.body(response.body().withInstance(request.getPath()));
    }

    /** The body as the client sent it, read as UTF-8 (the edge admits no other), so positions in it are the parser's. */
    private static String bodyText(HttpRequest<?> request) {
        try {
            if (request instanceof io.micronaut.http.ServerHttpRequest<?> server
                    && server.byteBody() instanceof io.micronaut.http.body.AvailableByteBody available) {
                try (io.micronaut.http.body.CloseableAvailableByteBody copy = available.split()) {
                    return new String(copy.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            return request.getBody(String.class).orElse(null);
        } catch (RuntimeException unreadable) {
            return request.getBody(String.class).orElse(null);
        }
    }

    /** The messages of the exception and its causes, capped: a deeply nested body makes a chain of repeating messages. */
    private static String messages(Throwable exception) {
        StringBuilder all = new StringBuilder();
        int causes = 0;
        for (Throwable t = exception;
                t != null && causes < 16 && all.length() < 16_384;
                t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            all.append(message, 0, Math.min(message.length(), 4096)).append('\n');
            causes++;
        }
        return all.toString();
    }

    /** The innermost message, without Java class names, so nothing internal leaks to the client. */
    private static String readable(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "could not be read" : root.getMessage();
        message = message.replaceAll("(?:class |type )?\\[?(?:[a-z][a-z0-9_]*\\.)+([A-Z][\\w$]*)\\]?", "$1");
        int cut = message.indexOf("\n at [Source");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
