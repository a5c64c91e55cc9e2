package uk.sse.directory.search;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;

/** An offer document as the indexer writes it; approved and in date unless told otherwise. */
final class OfferDoc {

    /** Places, for distances from Argyle Primary School, Camden (URN 100008). */
    static final double[] CAMDEN = {51.5275, -0.1220};

    static final double[] ISLINGTON = {51.5430, -0.0930};
    static final double[] CROYDON = {51.3762, -0.0982};
    static final double[] BRIGHTON = {50.8225, -0.1372};
    static final double[] MANCHESTER = {53.4808, -2.2426};

    private final Map<String, Object> doc = new HashMap<>();

    private OfferDoc(String id, String title) {
        doc.put("id", id);
        doc.put("title", title);
        doc.put("providerId", "p-" + id);
        doc.put("providerName", "Provider of " + id);
        doc.put("providerType", "SCHOOL");
        doc.put("area", "202");
        doc.put("description", title + ".");
        doc.put("phases", List.of("PRIMARY"));
        doc.put("deliveryModes", List.of("IN_SCHOOL"));
        doc.put("priceCredits", 100);
        doc.put("status", "APPROVED");
        doc.put("reviewDate", LocalDate.now().plusMonths(6).toString());
        doc.put("completedEngagements", 0);
        doc.put("version", 1);
        at(CAMDEN);
        areas("LG.SL");
    }

    static OfferDoc offer(String id, String title) {
        return new OfferDoc(id, title);
    }

    OfferDoc set(String field, Object value) {
        if (value == null) {
            doc.remove(field);
        } else {
            doc.put(field, value);
        }
        return this;
    }

    OfferDoc by(String providerType, String providerName) {
        return set("providerType", providerType).set("providerName", providerName);
    }

    OfferDoc description(String text) {
        return set("description", text);
    }

    OfferDoc phases(String... phases) {
        return set("phases", List.of(phases));
    }

    OfferDoc modes(String... modes) {
        return set("deliveryModes", List.of(modes));
    }

    OfferDoc designations(String... designations) {
        return set("designations", List.of(designations));
    }

    OfferDoc price(int credits) {
        return set("priceCredits", credits);
    }

    OfferDoc at(double[] place) {
        return set("location", place == null ? null : Map.of("lat", place[0], "lon", place[1]));
    }

    OfferDoc quality(int engagements, double impact) {
        return set("completedEngagements", engagements).set("averageImpact", impact);
    }

    OfferDoc available(String from, String until) {
        return set("availableFrom", from).set("availableUntil", until);
    }

    /** The codes, with each one's ancestors for filtering and labels for text, as the indexer derives them. */
    OfferDoc areas(String... codes) {
        Set<String> lineage = new LinkedHashSet<>();
        for (String code : codes) {
            lineage.addAll(Taxonomy.standard().lineage(code));
        }
        return set("areasOfSupport", List.of(codes))
                .set("areasOfSupportLineage", List.copyOf(lineage))
                .set(
                        "areaLabels",
                        List.of(codes).stream()
                                .map(c -> Taxonomy.standard()
                                        .find(c)
                                        .map(Term::label)
                                        .orElseThrow())
                                .toList());
    }

    Map<String, Object> doc() {
        return doc;
    }
}
