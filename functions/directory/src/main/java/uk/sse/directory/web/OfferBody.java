package uk.sse.directory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.Phase;
import uk.sse.kernel.text.MultiLine;

/**
 * An offer's content as a provider writes it. The shape is checked here; the rules about values
 * (taxonomy codes, ranges, dates) are the domain's ({@code OfferRules}).
 */
@Serdeable
public record OfferBody(
        @Nullable @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE)
        String providerId,

        @NotBlank @Size(min = 3, max = 150) String title,
        @NotBlank @MultiLine @Size(max = 5000) String description,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> areasOfSupport,
        @NotEmpty @Size(max = 7) List<@NotNull Phase> phases,
        @NotEmpty @Size(max = 7) List<@NotNull DeliveryMode> deliveryModes,
        @NotNull BigDecimal capacityDaysPerTerm,

        @NotNull @Digits(integer = 9, fraction = 0, message = WHOLE)
        BigDecimal priceCredits,

        @Nullable @Digits(integer = 9, fraction = 0, message = WHOLE)
        BigDecimal dayRatePence,

        @Nullable @Valid PointBody location,

        @Nullable @Digits(integer = 6, fraction = 0, message = WHOLE)
        BigDecimal travelRadiusKm,

        @Nullable LocalDate availableFrom,
        @Nullable LocalDate availableUntil,
        @Nullable @Valid EvidenceBody evidence,
        @NotNull @Valid ContactBody contact) {

    /** Whole numbers arrive as decimals so that 12.5 is refused rather than quietly cut to 12. */
    static final String WHOLE = "must be a whole number";

    OfferContent toContent() {
        return new OfferContent(
                title.strip(),
                description.strip(),
                areasOfSupport.stream().map(String::strip).toList(),
                phases.stream().distinct().toList(),
                deliveryModes.stream().distinct().toList(),
                capacityDaysPerTerm,
                priceCredits.longValueExact(),
                dayRatePence == null ? null : dayRatePence.longValueExact(),
                location == null ? null : location.toPoint(),
                travelRadiusKm == null ? null : travelRadiusKm.intValueExact(),
                availableFrom,
                availableUntil,
                evidence == null ? null : evidence.toEvidence(),
                contact.toContact());
    }
}
