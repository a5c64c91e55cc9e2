package uk.sse.directory.search;

import uk.sse.directory.model.OfferStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns an {@link OfferQuery} into an OpenSearch search body. */
final class OfferQueries {

    static final List<String> FACETS = List.of("areasOfSupport", "phases", "deliveryModes", "providerType", "designations");
    static final List<String> HIT_FIELDS = List.of("id", "title", "providerId", "providerName", "providerType", "area",
            "areasOfSupport", "phases", "deliveryModes", "priceCredits", "status", "reviewDate", "designations",
            "completedEngagements", "averageImpact");
    static final List<String> TEXT_FIELDS = List.of("title^3", "providerName^2", "areaLabels^2", "description", "evidence");

    static final int MAX_WORDS = 12;
    /** A phrase query enumerates every synonym path, so it is only asked for short queries. */
    static final int MAX_PHRASE_WORDS = 4;

    private OfferQueries() { }

    static Map<String, Object> body(OfferQuery query, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", query.from());
        body.put("size", query.size());
        body.put("track_total_hits", true);
        body.put("_source", HIT_FIELDS);
        body.put("query", scored(query, Map.of("bool", Map.of("must", text(query.text()), "filter", filters(query, today)))));
        body.put("sort", sort(query));
        if (query.point() != null) {
            body.put("script_fields", Map.of("distanceKm", Map.of("script", Map.of("lang", "painless",
                    "source", "doc['location'].size() == 0 ? null : doc['location'].arcDistance(params.lat, params.lon) / 1000.0",
                    "params", point(query)))));
        }
        Map<String, Object> aggs = new LinkedHashMap<>();
        FACETS.forEach(field -> aggs.put(field, Map.of("terms", Map.of("field", field, "size", 100, "order", List.of(Map.of("_count", "desc"), Map.of("_key", "asc"))))));
        body.put("aggs", aggs);
        if (query.text() != null) {
            body.put("highlight", Map.of("encoder", "html", "fields", Map.of(
                    "title", Map.of("number_of_fragments", 0),
                    "description", Map.of("fragment_size", 160, "number_of_fragments", 2))));
        }
        return body;
    }

    /** What anyone may see in search: approved offers whose review is not overdue. */
    static List<Object> visible(LocalDate today) {
        return new ArrayList<>(List.of(
                Map.of("term", Map.of("status", OfferStatus.APPROVED.name())),
                Map.of("range", Map.of("reviewDate", Map.of("gte", today.toString())))));
    }

    /**
     * Words anywhere, forgiving typos. best_fields with OR keeps recall for mixed queries ("SEMH behaviour
     * secondary": "secondary" is often a filter-like word few offers write down), and scores a document by its
     * best field (title over description) so one long description cannot outweigh a matching title. The
     * cross_fields AND clause then lifts offers that carry every word somewhere, and the phrase clause those
     * that carry the words together. Fuzziness only from five letters (AUTO:5,8) so that KS1 never matches
     * KS2 and SEN never SEND; prefix_length 1 keeps typo expansion cheap and sane. Synonym expansions are
     * left exact by OpenSearch, which is what we want.
     */
    static Map<String, Object> text(String text) {
        if (text == null) {
            return Map.of("match_all", Map.of());
        }
        List<Object> lifts = new ArrayList<>();
        lifts.add(Map.of("multi_match", Map.of("query", text, "type", "cross_fields", "fields", TEXT_FIELDS,
                "operator", "and", "boost", 2.0, "lenient", true)));
        if (text.split("\\s+").length <= MAX_PHRASE_WORDS) {
            lifts.add(Map.of("multi_match", Map.of("query", text, "type", "phrase", "fields", List.of("title^3", "description"),
                    "slop", 2, "boost", 2.0, "lenient", true)));
        }
        return Map.of("bool", Map.of(
                "must", Map.of("multi_match", Map.of("query", text, "type", "best_fields", "fields", TEXT_FIELDS,
                        "operator", "or", "tie_breaker", 0.3, "fuzziness", "AUTO:5,8", "prefix_length", 1, "lenient", true)),
                "should", lifts));
    }

    /**
     * The words that reach the engine, without punctuation (which is never syntax to match queries): each once, at most {@value #MAX_WORDS}. Synonyms multiply clauses
     * (a phrase over words with synonyms has one path per combination), so unbounded text could pass
     * OpenSearch's clause limit; adviser queries are a few words, and beyond a dozen words add only noise.
     */
    static String words(String text) {
        Set<String> words = new LinkedHashSet<>();
        // split as the analyser would (on anything but letters, digits and apostrophes), so "a,b,c" is three words
        for (String word : text.split("[^\\p{L}\\p{N}'’]+")) {
            if (!word.isEmpty() && words.size() < MAX_WORDS && words.stream().noneMatch(word::equalsIgnoreCase)) {
                words.add(word);
            }
        }
        String joined = String.join(" ", words);
        return joined.isBlank() ? null : joined;
    }

    static List<Object> filters(OfferQuery query, LocalDate today) {
        List<Object> filters = visible(today);
        terms(filters, "areasOfSupportLineage", query.areas());
        terms(filters, "phases", query.phases());
        terms(filters, "deliveryModes", query.modes());
        terms(filters, "providerType", query.providerTypes());
        terms(filters, "designations", query.designations());
        if (query.maxPrice() != null) {
            filters.add(Map.of("range", Map.of("priceCredits", Map.of("lte", query.maxPrice()))));
        }
        if (query.availableIn() != null) {
            // windows overlap the month; an open end is no limit
            filters.add(openOr("availableFrom", Map.of("lte", query.availableIn().atEndOfMonth().toString())));
            filters.add(openOr("availableUntil", Map.of("gte", query.availableIn().atDay(1).toString())));
        }
        if (query.point() != null) {
            filters.add(Map.of("geo_distance", Map.of("distance", query.radiusKm() + "km", "location", point(query))));
        }
        return filters;
    }

    /**
     * Relevance is the text score times (1 + gentle boosts), so no boost can lift an offer that does not
     * match, and each can at most add a fraction: nearness up to +0.5 (a gauss halving at a fifth of the
     * radius beyond 2 km, so the next borough still counts), proven delivery (the log of
     * completed engagements, about +0.3 for each tenfold) and +0.2 (average impact out of 5), any designation (hub, NLE...) +0.1. max_boost
     * keeps the product within twice the text score.
     */
    static Map<String, Object> scored(OfferQuery query, Map<String, Object> matched) {
        if (query.sort() != OfferQuery.Sort.RELEVANCE) {
            return matched;
        }
        List<Object> functions = new ArrayList<>();
        functions.add(Map.of("weight", 1.0));
        if (query.point() != null) {
            functions.add(Map.of("gauss", Map.of("location", Map.of("origin", point(query), "offset", "2km",
                    "scale", Math.max(1, query.radiusKm() / 5) + "km", "decay", 0.5)), "weight", 0.5));
        }
        functions.add(Map.of("field_value_factor", Map.of("field", "completedEngagements", "modifier", "log1p", "missing", 0), "weight", 0.3));
        functions.add(Map.of("field_value_factor", Map.of("field", "averageImpact", "factor", 0.2, "missing", 0), "weight", 0.2));
        functions.add(Map.of("filter", Map.of("exists", Map.of("field", "designations")), "weight", 0.1));
        return Map.of("function_score", Map.of("query", matched, "functions", functions, "score_mode", "sum",
                "boost_mode", "multiply", "max_boost", 2.0));
    }

    static List<Object> sort(OfferQuery query) {
        Map<String, Object> byId = Map.of("id", "asc");
        return switch (query.sort()) {
            case RELEVANCE -> List.of("_score", byId);
            case DISTANCE -> List.of(Map.of("_geo_distance", Map.of("location", point(query), "order", "asc", "unit", "km")), byId);
            case PRICE -> List.of(Map.of("priceCredits", Map.of("order", "asc", "missing", "_last")), "_score", byId);
        };
    }

    private static Map<String, Object> point(OfferQuery query) {
        return Map.of("lat", query.point().lat(), "lon", query.point().lon());
    }

    private static void terms(List<Object> filters, String field, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            filters.add(Map.of("terms", Map.of(field, values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v).toList())));
        }
    }

    private static Map<String, Object> openOr(String field, Map<String, Object> range) {
        return Map.of("bool", Map.of("minimum_should_match", 1, "should", List.of(
                Map.of("range", Map.of(field, range)),
                Map.of("bool", Map.of("must_not", Map.of("exists", Map.of("field", field)))))));
    }
}
