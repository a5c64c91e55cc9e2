package uk.sse.ledger.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.AvailableByteBody;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.validation.validator.Validator;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a body that may be left out. On the Lambda runtime binding {@code @Nullable @Body} to an empty body fails
 * ("Empty body", 400) whatever the parameter's type, so such a body is taken from the request and read here: none (or JSON {@code null}) is null; anything
 * else is decoded and validated as a bound body would be, failing with the same exceptions, so the answers match.
 */
@Singleton
class OptionalBodies {

    private static final long BUFFER_SECONDS = 10;

    private final JsonMapper json;

    private final Validator validator;

    OptionalBodies(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * The body as sent, or null if there is none. The Lambda request holds it whole; a server streams it, so it is
     * buffered here (the controller runs on the blocking pool, as its DynamoDB calls need).
     */
    @Nullable
    private static String text(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return request.getBody(String.class).orElse(null);
        }
        if (server.byteBody() instanceof AvailableByteBody available) {
            return new String(available.toByteArray(), StandardCharsets.UTF_8);
        }
        try (CloseableByteBody copy = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST);
                CloseableAvailableByteBody whole = copy.buffer().get(BUFFER_SECONDS, TimeUnit.SECONDS)) {
            return new String(whole.toByteArray(), StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException unread) {
            throw new CodecException("the request body could not be read: " + unread.getMessage(), unread);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CodecException("interrupted while reading the request body", interrupted);
        }
    }

    /** The request's body as {@code type}, or null if it has none. */
    @Nullable
    <T> T read(HttpRequest<?> request, Class<T> type) {
        return read(text(request), type);
    }

    @Nullable
    <T> T read(@Nullable String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        T body;
        try {
            body = json.readValue(text, type);
        } catch (IOException unreadable) {
            throw new CodecException("Error decoding request body: " + unreadable.getMessage(), unreadable);
        }
        if (body == null) {
            return null;
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
