package uk.sse.ledger.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.AvailableByteBody;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.validation.validator.Validator;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads a body that may be left out. On the Lambda runtime binding {@code @Nullable @Body} to an empty body fails
 * ("Empty body", 400) whatever the parameter's type, so such a body is taken from the request and read here: none (or JSON {@code null}) is null; anything
 * else is decoded and validated as a bound body would be, failing with the same exceptions, so the answers match.
 */
@Singleton
class OptionalBodies {

    private final JsonMapper json;

    /** The body as sent; the Lambda request holds it whole, and an absent one is empty rather than an error. */
    @Nullable
    private static String text(HttpRequest<?> request) {
        if (request instanceof ServerHttpRequest<?> server && server.byteBody() instanceof AvailableByteBody available) {
            return new String(available.toByteArray(), StandardCharsets.UTF_8);
        }
        return request.getBody(String.class).orElse(null);
    }

    private final Validator validator;

    OptionalBodies(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
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
