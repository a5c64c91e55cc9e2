package uk.sse.indexer;

import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An offer item (the directory's {@code OFFER#id / CURRENT}) as a document of the offers index. */
public final class OfferDocuments {

    private OfferDocuments() { }

    public static Map<String, Object> document(Images item, Taxonomy taxonomy) {
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
        put(doc, "areaLabels", lineage.stream().map(taxonomy::find).flatMap(t -> t.map(Term::label).stream()).toList());
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
        // fed by brokerage once it exists
        doc.put("completedEngagements", 0);
        doc.put("averageImpact", 0);
        put(doc, "version", item.n("version"));
        put(doc, "updatedAt", item.s("updatedAt"));
        return doc;
    }

    static void put(Map<String, Object> doc, String field, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            doc.put(field, value);
        }
    }
}
