package uk.sse.indexer;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.sse.contracts.directory.PublishedOffer;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;

/** The directory's published offer ({@code PublishedItems.Kind.OFFER}) as a document of the offers index. */
public final class OfferDocuments {

    private OfferDocuments() {}

    public static Map<String, Object> document(PublishedOffer offer, Taxonomy taxonomy) {
        Map<String, Object> doc = new LinkedHashMap<>();
        put(doc, "id", offer.id());
        put(doc, "providerId", offer.providerId());
        put(doc, "providerName", offer.providerName());
        put(doc, "providerType", offer.providerType());
        put(doc, "area", offer.area());
        put(doc, "designations", offer.designations());
        put(doc, "title", offer.title());
        put(doc, "description", offer.description());
        put(doc, "evidence", offer.evidenceSummary());
        List<String> areas = offer.areasOfSupport();
        put(doc, "areasOfSupport", areas);
        // a search for a code matches everything beneath it: index each area's ancestors too
        Set<String> lineage = new LinkedHashSet<>();
        areas.forEach(code -> lineage.addAll(taxonomy.lineage(code)));
        put(doc, "areasOfSupportLineage", List.copyOf(lineage));
        put(
                doc,
                "areaLabels",
                lineage.stream()
                        .map(taxonomy::find)
                        .flatMap(t -> t.map(Term::label).stream())
                        .toList());
        put(doc, "phases", offer.phases());
        put(doc, "deliveryModes", offer.deliveryModes());
        put(doc, "capacityDaysPerTerm", offer.capacityDaysPerTerm());
        put(doc, "priceCredits", offer.priceCredits());
        put(doc, "dayRatePence", offer.dayRatePence());
        put(doc, "location", Locations.of(offer.lat(), offer.lon()));
        put(doc, "travelRadiusKm", offer.travelRadiusKm());
        put(doc, "availableFrom", text(offer.availableFrom()));
        put(doc, "availableUntil", text(offer.availableUntil()));
        put(doc, "status", offer.status());
        put(doc, "reviewDate", text(offer.reviewDate()));
        // the quality signals brokerage's outcomes keep on the offer (0 until the first)
        PublishedOffer.Signals signals = offer.signals();
        long ratings = signals.impactRatings();
        doc.put("completedEngagements", signals.completedEngagements());
        doc.put("averageImpact", ratings == 0 ? 0 : Math.round(10.0 * signals.impactTotal() / ratings) / 10.0);
        doc.put("version", offer.version());
        doc.put("updatedAt", offer.updatedAt().toString());
        return doc;
    }

    /**
     * The document's external version: the offer's own version, then the revision of its quality signals, which
     * change in place without a new version. Both only grow, so the pair as one number only grows.
     */
    public static long version(PublishedOffer offer) {
        return Math.addExact(
                Math.multiplyExact(offer.version(), SIGNAL_REVISIONS),
                offer.signals().revision());
    }

    /** Room for this many signal revisions per offer version. */
    public static final long SIGNAL_REVISIONS = 1_000_000L;

    private static String text(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }

    static void put(Map<String, Object> doc, String field, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            doc.put(field, value);
        }
    }
}
