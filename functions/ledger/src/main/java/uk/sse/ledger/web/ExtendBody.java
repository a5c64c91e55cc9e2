package uk.sse.ledger.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import uk.sse.kernel.json.StrictJson;

/** A hold's new timeout, in seconds from now; a timeout earlier than the hold's own leaves it as it is. */
@Serdeable
public record ExtendBody(
        @NotNull
        @Digits(integer = 10, fraction = 0, message = Shapes.EXTEND_MESSAGE)
        @DecimalMin(value = "1", message = Shapes.EXTEND_MESSAGE)
        @DecimalMax(value = Shapes.MAX_TIMEOUT, message = Shapes.EXTEND_MESSAGE)
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal timeoutSeconds) {}
