package uk.sse.brokerage.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.Rating;
import uk.sse.kernel.json.StrictJson;
import uk.sse.kernel.text.MultiLine;

/** The school's rating of the support (SCHOOL) or the adviser's rating of its impact (IMPACT), 1 to 5, with notes. */
@Serdeable
public record EvaluateBody(
        @NotNull
        @Digits(integer = 12, fraction = 0, message = Shapes.WHOLE)
        @DecimalMin("1")
        @DecimalMax("999999999999")
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal version,

        @NotNull Rating rating,

        @NotNull
        @Digits(integer = 1, fraction = 0, message = Shapes.WHOLE)
        @DecimalMin("1")
        @DecimalMax("5")
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal score,

        @Nullable @MultiLine @Size(max = Brokerage.MAX_NEED) String notes) {}
