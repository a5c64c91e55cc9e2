package uk.sse.directory.search;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * One offer in a result list, with what an adviser weighs it by. Near a place, {@code distanceKm} for support given in
 * person there, or {@code remote} true (and no distance) for support given remotely. {@code match}: {@code STRONG} when
 * it meets the words searched for, {@code WEAK} when it is only related; without words, every result is {@code STRONG}.
 */
@Serdeable
public record OfferHit(
        String id,
        String title,
        String providerId,
        String providerName,
        String providerType,
        String area,
        List<String> areasOfSupport,
        List<String> phases,
        List<String> deliveryModes,
        Long priceCredits,
        Double distanceKm,
        Boolean remote,
        Match match,
        Map<String, List<String>> highlights,
        String status,
        String reviewDate,
        List<String> designations,
        Integer completedEngagements,
        Double averageImpact) {

    /** How well a result meets the words searched for. */
    public enum Match {
        STRONG,
        WEAK
    }

    static OfferHit from(Map<String, Object> hit, OfferQuery query, boolean strong) {
        Map<String, Object> s = SearchResponse.map(hit.get("_source"));
        boolean remote = query.point() != null
                && !SearchResponse.strings(hit.get("matched_queries")).contains(OfferQueries.IN_PERSON);
        Object distance = SearchResponse.map(hit.get("fields")).get("distanceKm");
        Map<String, List<String>> highlights = new java.util.TreeMap<>();
        SearchResponse.map(hit.get("highlight"))
                .forEach((field, snippets) -> highlights.put(field, SearchResponse.strings(snippets)));
        return new OfferHit(
                (String) s.get("id"),
                (String) s.get("title"),
                (String) s.get("providerId"),
                (String) s.get("providerName"),
                (String) s.get("providerType"),
                (String) s.get("area"),
                SearchResponse.strings(s.get("areasOfSupport")),
                SearchResponse.strings(s.get("phases")),
                SearchResponse.strings(s.get("deliveryModes")),
                s.get("priceCredits") instanceof Number n ? n.longValue() : null,
                !remote && distance instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Number d
                        ? Math.round(d.doubleValue() * 10) / 10.0
                        : null,
                query.point() == null ? null : remote,
                strong ? Match.STRONG : Match.WEAK,
                highlights,
                (String) s.get("status"),
                (String) s.get("reviewDate"),
                SearchResponse.strings(s.get("designations")),
                s.get("completedEngagements") instanceof Number n ? n.intValue() : null,
                s.get("averageImpact") instanceof Number n ? n.doubleValue() : null);
    }
}
