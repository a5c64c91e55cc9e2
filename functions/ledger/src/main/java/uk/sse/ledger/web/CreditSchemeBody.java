package uk.sse.ledger.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import uk.sse.kernel.json.StrictJson;

/**
 * An area's credit scheme as a commissioner sets it: credits each member school is given each term (0: none), whether
 * what is left of a school year's entitlement expires when the year ends, and, optionally, the version it replaces.
 */
@Serdeable
public record CreditSchemeBody(
        @NotNull
        @Digits(integer = 4, fraction = 0, message = Shapes.PER_TERM_MESSAGE)
        @DecimalMin(value = "0", message = Shapes.PER_TERM_MESSAGE)
        @DecimalMax(value = "1000", message = Shapes.PER_TERM_MESSAGE)
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal creditsPerTerm,

        @NotNull @Serdeable.Deserializable(using = StrictJson.Flag.class)
        Boolean unspentExpires,

        @Nullable
        @Digits(integer = 18, fraction = 0, message = "must be a whole number")
        @DecimalMin(value = "0", message = "must be a whole number")
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal version) {}
