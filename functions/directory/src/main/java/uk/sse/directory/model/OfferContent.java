package uk.sse.directory.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a provider says about one piece of support: everything an offer has that the provider edits.
 * Prices are whole credits; a day rate, if given, is in pence. Capacity is days per term in half days.
 */
public record OfferContent(
        String title,
        String description,
        List<String> areasOfSupport,
        List<Phase> phases,
        List<DeliveryMode> deliveryModes,
        BigDecimal capacityDaysPerTerm,
        long priceCredits,
        Long dayRatePence,
        GeoPoint location,
        Integer travelRadiusKm,
        LocalDate availableFrom,
        LocalDate availableUntil,
        Evidence evidence,
        Contact contact) {

    public OfferContent {
        areasOfSupport = List.copyOf(areasOfSupport);
        phases = List.copyOf(phases);
        deliveryModes = List.copyOf(deliveryModes);
    }

    /** The same content at another place: an offer without its own location takes its provider's. */
    public OfferContent locatedAt(GeoPoint point) {
        return new OfferContent(
                title,
                description,
                areasOfSupport,
                phases,
                deliveryModes,
                capacityDaysPerTerm,
                priceCredits,
                dayRatePence,
                point,
                travelRadiusKm,
                availableFrom,
                availableUntil,
                evidence,
                contact);
    }
}
