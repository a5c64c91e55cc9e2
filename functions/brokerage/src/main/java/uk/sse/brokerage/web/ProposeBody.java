package uk.sse.brokerage.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import uk.sse.brokerage.application.ProposeOffers;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.kernel.json.StrictJson;
import uk.sse.kernel.text.MultiLine;

/** A broker's proposal of one or more offers from the directory, each with the days and credits proposed. */
@Serdeable
public record ProposeBody(
        @NotNull
        @Digits(integer = 12, fraction = 0, message = Shapes.WHOLE)
        @DecimalMin("1")
        @DecimalMax("999999999999")
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal version,

        @NotEmpty @Size(max = Brokerage.MAX_OFFERS_PER_PROPOSAL)
        List<@NotNull @Valid Offered> offers,

        @Nullable @MultiLine @Size(max = Brokerage.MAX_TEXT) String note) {

    @Serdeable
    public record Offered(
            @NotNull @Pattern(regexp = Shapes.OFFER, message = Shapes.OFFER_MESSAGE)
            String offerId,

            @NotNull
            @Digits(integer = 3, fraction = 0, message = Shapes.WHOLE)
            @DecimalMin("1")
            @DecimalMax(Shapes.MAX_DAYS)
            @Serdeable.Deserializable(using = StrictJson.Number.class)
            BigDecimal days,

            @NotNull
            @Digits(integer = 10, fraction = 0, message = Shapes.WHOLE)
            @DecimalMin("1")
            @DecimalMax(Shapes.MAX_CREDITS)
            @Serdeable.Deserializable(using = StrictJson.Number.class)
            BigDecimal credits) {}

    List<ProposeOffers.Offer> toOffers() {
        return offers.stream()
                .map(o -> new ProposeOffers.Offer(
                        o.offerId(), o.days().intValueExact(), o.credits().longValueExact()))
                .toList();
    }
}
