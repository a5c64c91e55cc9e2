package uk.sse.ledger.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.OptionalLong;
import uk.sse.kernel.json.StrictJson;

/** Posts a hold: {@code amount} of it (the rest is released), or all of it when absent. */
@Serdeable
public record PostBody(
        @Nullable
        @Digits(integer = 10, fraction = 0, message = Shapes.AMOUNT_MESSAGE)
        @DecimalMin(value = "1", message = Shapes.AMOUNT_MESSAGE)
        @DecimalMax(value = Shapes.MAX_AMOUNT, message = Shapes.AMOUNT_MESSAGE)
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal amount) {

    OptionalLong amountToPost() {
        return amount == null ? OptionalLong.empty() : OptionalLong.of(amount.longValueExact());
    }
}
