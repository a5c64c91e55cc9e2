package uk.sse.brokerage.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import uk.sse.kernel.json.StrictJson;

/** A step that needs nothing but the request's version the caller decided on (its ETag's number). */
@Serdeable
public record VersionBody(
        @NotNull
        @Digits(integer = 12, fraction = 0, message = Shapes.WHOLE)
        @DecimalMin("1")
        @DecimalMax("999999999999")
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal version) {}
