package uk.sse.indexer;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;

/** The directory's published offer ({@code PublishedItems.Kind.OFFER}) as a document of the offers index. */
public final class OfferDocuments {

    private OfferDocuments() {}

    public static Map<String, Object> document(Items item, Taxonomy taxonomy) {
        Map<String, Object> doc = new LinkedHashMap<>();
        put(doc, "id", item.s("id"));
        put(doc, "providerId", item.s("providerId"));
        put(doc, "providerName", item.s("providerName"));
        put(doc, "providerType", item.s("providerType"));
        put(doc, "area", item.s("area"));
        put(doc, "designations", item.strings("designations"));
        put(doc, "title", item.s("title"));
        put(doc, "description", item.s("description"));
        put(doc, "evidence", item.s("evidenceSummary"));
        List<String> areas = item.strings("areasOfSupport");
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
        put(doc, "phases", item.strings("phases"));
        put(doc, "deliveryModes", item.strings("deliveryModes"));
        put(doc, "capacityDaysPerTerm", item.decimal("capacityDaysPerTerm"));
        put(doc, "priceCredits", item.n("priceCredits"));
        put(doc, "dayRatePence", item.n("dayRatePence"));
        put(doc, "location", Locations.of(item));
        put(doc, "travelRadiusKm", item.n("travelRadiusKm"));
        put(doc, "availableFrom", item.s("availableFrom"));
        put(doc, "availableUntil", item.s("availableUntil"));
        put(doc, "status", item.s("status"));
        put(doc, "reviewDate", item.s("reviewDate"));
        // the quality signals brokerage's outcomes keep on the offer (0 until the first)
        long ratings = orZero(item.n("impactRatings"));
        doc.put("completedEngagements", orZero(item.n("completedEngagements")));
        doc.put("averageImpact", ratings == 0 ? 0 : Math.round(10.0 * orZero(item.n("impactTotal")) / ratings) / 10.0);
        put(doc, "version", item.n("version"));
        put(doc, "updatedAt", item.s("updatedAt"));
        return doc;
    }

    /**
     * The document's external version: the offer's own version, then the revision of its quality signals, which
     * change in place without a new version. Both only grow, so the pair as one number only grows.
     */
    public static long version(Items item) {
        return Math.addExact(
                Math.multiplyExact(item.n("version"), SIGNAL_REVISIONS), orZero(item.n("signalsRevision")));
    }

    /** Room for this many signal revisions per offer version. */
    public static final long SIGNAL_REVISIONS = 1_000_000L;

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }

    static void put(Map<String, Object> doc, String field, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            doc.put(field, value);
        }
    }
}
