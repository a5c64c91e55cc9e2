package uk.sse.brokerage.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.OptionalLong;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.kernel.json.StrictJson;
import uk.sse.kernel.text.MultiLine;

/**
 * Delivery is over: the days actually delivered and, if not pro rata of the agreed credits, the credits due to the
 * provider. The hold is posted for that and the rest released.
 */
@Serdeable
public record CompleteBody(
        @NotNull
        @Digits(integer = 12, fraction = 0, message = Shapes.WHOLE)
        @DecimalMin("1")
        @DecimalMax("999999999999")
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal version,

        @NotNull
        @Digits(integer = 3, fraction = 0, message = Shapes.WHOLE)
        @DecimalMin("0")
        @DecimalMax(Shapes.MAX_DAYS)
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal daysDelivered,

        @Nullable
        @Digits(integer = 10, fraction = 0, message = Shapes.WHOLE)
        @DecimalMin("0")
        @DecimalMax(Shapes.MAX_CREDITS)
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal credits,

        @Nullable @MultiLine @Size(max = Brokerage.MAX_TEXT) String note) {

    OptionalLong creditsDue() {
        return credits == null ? OptionalLong.empty() : OptionalLong.of(credits.longValueExact());
    }
}
