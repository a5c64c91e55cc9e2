package uk.sse.brokerage.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uk.sse.brokerage.application.RaiseRequest;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Urgency;
import uk.sse.kernel.json.StrictJson;
import uk.sse.kernel.text.MultiLine;

/**
 * What an adviser asks for on a visit: for which school, in which areas of support (taxonomy codes), the need in
 * their own words, how urgent, how many days, how it may be delivered, by when, the credits the school commits, and
 * the offers the adviser liked for it (optional; they come first among the request's suggestions).
 */
@Serdeable
public record RaiseBody(
        @NotNull @Pattern(regexp = Shapes.URN, message = Shapes.URN_MESSAGE)
        String urn,

        @NotEmpty @Size(max = Brokerage.MAX_AREAS_OF_SUPPORT)
        List<@NotBlank @Size(max = 64) String> areasOfSupport,

        @NotBlank @MultiLine @Size(max = Brokerage.MAX_NEED) String need,
        @NotNull Urgency urgency,

        @NotNull
        @Digits(integer = 3, fraction = 0, message = Shapes.WHOLE)
        @DecimalMin("1")
        @DecimalMax(Shapes.MAX_DAYS)
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal daysWanted,

        @Nullable @Size(max = 7) List<@NotNull DeliveryMode> deliveryModes,
        @NotNull LocalDate wantedBy,

        @NotNull
        @Digits(integer = 10, fraction = 0, message = Shapes.WHOLE)
        @DecimalMin("1")
        @DecimalMax(Shapes.MAX_CREDITS)
        @Serdeable.Deserializable(using = StrictJson.Number.class)
        BigDecimal credits,

        @Nullable @Size(max = Brokerage.MAX_SUGGESTIONS)
        List<@NotNull @Pattern(regexp = Shapes.OFFER, message = Shapes.OFFER_MESSAGE) String> likedOffers) {

    RaiseRequest.Form form() {
        return new RaiseRequest.Form(
                urn,
                areasOfSupport.stream().map(String::strip).toList(),
                need,
                urgency,
                daysWanted.intValueExact(),
                deliveryModes == null ? List.of() : deliveryModes,
                wantedBy,
                credits.longValueExact(),
                likedOffers == null ? List.of() : likedOffers);
    }
}
