package uk.sse.brokerage.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.kernel.json.StrictJson;
import uk.sse.kernel.text.MultiLine;

/** A step that must say why: declining a proposal, cancelling or withdrawing a request. */
@Serdeable
public record ReasonBody(
        @NotNull
        @Digits(integer = 12, fraction = 0, message = Shapes.WHOLE)
        @DecimalMin("1")
        @DecimalMax("999999999999")
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal version,

        @NotBlank @MultiLine @Size(max = Brokerage.MAX_TEXT) String reason) {}
