package uk.sse.contracts.directory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.sse.contracts.Fields;

/**
 * An offer as the directory publishes it ({@link PublishedItems.Kind#OFFER}): the attributes of its current item that
 * other functions mirror (the indexer's offers documents). The directory writes its offer items' attributes from this
 * record, and consumers read them only through {@link #from}; the directory's other attributes (contact, evidence
 * links, assurance history, index keys) are its own.
 *
 * <p>Texts that name a kind ({@code providerType}, {@code designations}, {@code phases}, {@code deliveryModes},
 * {@code status}) are the directory's enum names; {@code areasOfSupport} are taxonomy codes. {@code signals} change in
 * place, without a new {@code version}, each change raising their {@code revision}.
 */
public record PublishedOffer(
        String id,
        String providerId,
        String providerName,
        String providerType,
        String area,
        List<String> designations,
        String title,
        String description,
        String evidenceSummary,
        List<String> areasOfSupport,
        List<String> phases,
        List<String> deliveryModes,
        BigDecimal capacityDaysPerTerm,
        long priceCredits,
        Long dayRatePence,
        Double lat,
        Double lon,
        Integer travelRadiusKm,
        LocalDate availableFrom,
        LocalDate availableUntil,
        String status,
        LocalDate reviewDate,
        long version,
        Instant updatedAt,
        Signals signals)
        implements PublishedItems.Item {

    /** The version of this shape. */
    public static final int VERSION = 1;

    /** The quality signals' attributes, which the directory updates in place (their names are the contract's). */
    public static final String COMPLETED_ENGAGEMENTS = "completedEngagements";

    public static final String IMPACT_RATINGS = "impactRatings";
    public static final String IMPACT_TOTAL = "impactTotal";
    public static final String SIGNALS_REVISION = "signalsRevision";

    /** What the brokerage's outcomes report of the offer's engagements (0 until the first). */
    public record Signals(long completedEngagements, long impactRatings, long impactTotal, long revision) {
        public static final Signals NONE = new Signals(0, 0, 0, 0);
    }

    public PublishedOffer {
        designations = List.copyOf(designations);
        areasOfSupport = List.copyOf(areasOfSupport);
        phases = List.copyOf(phases);
        deliveryModes = List.copyOf(deliveryModes);
        signals = signals == null ? Signals.NONE : signals;
    }

    /** The item's attributes: texts, numbers and lists of texts; absent values and empty lists are left out. */
    @Override
    public Map<String, Object> attributes() {
        return PublishedItems.attributes(
                VERSION,
                "id",
                id,
                "providerId",
                providerId,
                "providerName",
                providerName,
                "providerType",
                providerType,
                "area",
                area,
                "designations",
                designations,
                "title",
                title,
                "description",
                description,
                "evidenceSummary",
                evidenceSummary,
                "areasOfSupport",
                areasOfSupport,
                "phases",
                phases,
                "deliveryModes",
                deliveryModes,
                "capacityDaysPerTerm",
                capacityDaysPerTerm,
                "priceCredits",
                priceCredits,
                "dayRatePence",
                dayRatePence,
                "lat",
                lat,
                "lon",
                lon,
                "travelRadiusKm",
                travelRadiusKm,
                "availableFrom",
                PublishedItems.text(availableFrom),
                "availableUntil",
                PublishedItems.text(availableUntil),
                "status",
                status,
                "reviewDate",
                PublishedItems.text(reviewDate),
                "version",
                version,
                "updatedAt",
                updatedAt.toString(),
                COMPLETED_ENGAGEMENTS,
                signals.completedEngagements(),
                IMPACT_RATINGS,
                signals.impactRatings(),
                IMPACT_TOTAL,
                signals.impactTotal(),
                SIGNALS_REVISION,
                signals.revision());
    }

    /**
     * The offer in an item's attributes (numbers as any {@link Number}); unknown attributes are ignored and newer
     * versions read. Items written before the shape carried a version read as version 1.
     *
     * @throws Fields.Unreadable if an attribute the shape needs is missing or of another type
     */
    public static PublishedOffer from(Map<String, Object> attributes) {
        Fields f = Fields.of("published offer", attributes, VERSION, VERSION);
        BigDecimal lat = f.optionalDecimal("lat");
        BigDecimal lon = f.optionalDecimal("lon");
        Long radius = f.optionalWhole("travelRadiusKm");
        return new PublishedOffer(
                f.text("id"),
                f.text("providerId"),
                f.text("providerName"),
                f.text("providerType"),
                f.text("area"),
                f.textsOrNone("designations"),
                f.text("title"),
                f.optionalText("description"),
                f.optionalText("evidenceSummary"),
                f.textsOrNone("areasOfSupport"),
                f.textsOrNone("phases"),
                f.textsOrNone("deliveryModes"),
                f.optionalDecimal("capacityDaysPerTerm"),
                f.whole("priceCredits"),
                f.optionalWhole("dayRatePence"),
                lat == null ? null : lat.doubleValue(),
                lon == null ? null : lon.doubleValue(),
                radius == null ? null : Math.toIntExact(radius),
                f.optionalDate("availableFrom"),
                f.optionalDate("availableUntil"),
                f.text("status"),
                f.optionalDate("reviewDate"),
                f.whole("version"),
                f.instant("updatedAt"),
                new Signals(
                        orZero(f.optionalWhole(COMPLETED_ENGAGEMENTS)),
                        orZero(f.optionalWhole(IMPACT_RATINGS)),
                        orZero(f.optionalWhole(IMPACT_TOTAL)),
                        orZero(f.optionalWhole(SIGNALS_REVISION))));
    }

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }
}
