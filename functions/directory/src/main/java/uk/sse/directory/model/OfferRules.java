package uk.sse.directory.model;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import uk.sse.kernel.outcome.Outcome.Violation;
import uk.sse.kernel.taxonomy.Taxonomy;

/** The rules an offer's content must keep, beyond the shape the API checks. */
public final class OfferRules {

    public static final int MAX_AREAS = 8;
    public static final BigDecimal MAX_DAYS_PER_TERM = new BigDecimal("200");
    public static final long MAX_PRICE_CREDITS = 100_000;
    public static final long MAX_DAY_RATE_PENCE = 1_000_000;
    public static final int MAX_TRAVEL_KM = 400;
    public static final int MAX_LINKS = 10;

    private OfferRules() {}

    public static List<Violation> check(OfferContent c, Taxonomy taxonomy) {
        List<Violation> v = new ArrayList<>();
        if (c.areasOfSupport().isEmpty()) {
            v.add(new Violation("/areasOfSupport", "at least one area of support is required"));
        }
        if (c.areasOfSupport().size() > MAX_AREAS) {
            v.add(new Violation("/areasOfSupport", "at most " + MAX_AREAS + " areas of support"));
        }
        for (int i = 0; i < c.areasOfSupport().size(); i++) {
            if (!taxonomy.isKnown(c.areasOfSupport().get(i))) {
                v.add(new Violation(
                        "/areasOfSupport/" + i,
                        "'" + c.areasOfSupport().get(i) + "' is not a taxonomy code (see GET /taxonomy)"));
            }
        }
        if (new HashSet<>(c.areasOfSupport()).size() != c.areasOfSupport().size()) {
            v.add(new Violation("/areasOfSupport", "each area of support may appear once"));
        }
        if (c.phases().isEmpty()) {
            v.add(new Violation("/phases", "at least one phase is required"));
        }
        if (c.deliveryModes().isEmpty()) {
            v.add(new Violation("/deliveryModes", "at least one delivery mode is required"));
        }
        BigDecimal days = c.capacityDaysPerTerm();
        if (days == null
                || days.signum() <= 0
                || days.compareTo(MAX_DAYS_PER_TERM) > 0
                || days.multiply(BigDecimal.TWO).stripTrailingZeros().scale() > 0) {
            v.add(new Violation(
                    "/capacityDaysPerTerm", "between 0.5 and " + MAX_DAYS_PER_TERM + " days, in half days"));
        }
        if (c.priceCredits() < 0 || c.priceCredits() > MAX_PRICE_CREDITS) {
            v.add(new Violation("/priceCredits", "between 0 and " + MAX_PRICE_CREDITS + " whole credits"));
        }
        if (c.dayRatePence() != null && (c.dayRatePence() < 0 || c.dayRatePence() > MAX_DAY_RATE_PENCE)) {
            v.add(new Violation("/dayRatePence", "between 0 and " + MAX_DAY_RATE_PENCE + " pence"));
        }
        if (c.travelRadiusKm() != null && (c.travelRadiusKm() < 0 || c.travelRadiusKm() > MAX_TRAVEL_KM)) {
            v.add(new Violation("/travelRadiusKm", "between 0 and " + MAX_TRAVEL_KM + " km"));
        }
        if (c.availableFrom() != null
                && c.availableUntil() != null
                && c.availableUntil().isBefore(c.availableFrom())) {
            v.add(new Violation("/availableUntil", "must not be before availableFrom"));
        }
        if (c.evidence() != null) {
            List<String> links = c.evidence().links();
            if (links.size() > MAX_LINKS) {
                v.add(new Violation("/evidence/links", "at most " + MAX_LINKS + " links"));
            }
            for (int i = 0; i < links.size(); i++) {
                if (!isWebLink(links.get(i))) {
                    v.add(new Violation("/evidence/links/" + i, "must be an http or https URL"));
                }
            }
        }
        return v;
    }

    static boolean isWebLink(String link) {
        try {
            URI uri = new URI(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception notAUri) {
            return false;
        }
    }
}
