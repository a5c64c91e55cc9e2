package uk.sse.directory.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.OfferStatus;

/** Turns an {@link OfferQuery} into OpenSearch search bodies. */
final class OfferQueries {

    static final List<String> FACETS =
            List.of("areasOfSupport", "phases", "deliveryModes", "providerType", "designations");
    static final List<String> HIT_FIELDS = List.of(
            "id",
            "title",
            "providerId",
            "providerName",
            "providerType",
            "area",
            "areasOfSupport",
            "phases",
            "deliveryModes",
            "priceCredits",
            "status",
            "reviewDate",
            "designations",
            "completedEngagements",
            "averageImpact");
    static final List<String> TEXT_FIELDS =
            List.of("title^3", "providerName^2", "areaLabels^2", "description", "evidence");

    /** Names of query clauses, reported per hit in {@code matched_queries}. */
    static final String WORDS = "words";

    static final String ALL_WORDS = "all_words";
    static final String PHRASE = "phrase";
    static final String IN_PERSON = "in_person";
    static final String AREA = "area:";

    /** A phrase query enumerates every synonym path, so it is only asked for short queries. */
    static final int MAX_PHRASE_WORDS = 4;

    /** Delivery that needs someone in the room; only these are limited by distance. */
    static final List<String> IN_PERSON_MODES = java.util.Arrays.stream(DeliveryMode.values())
            .filter(m -> m != DeliveryMode.REMOTE)
            .map(Enum::name)
            .toList();

    private OfferQueries() {}

    /** Every offer that passes the filters, in the order asked, with facet counts over all of them. */
    static Map<String, Object> body(OfferQuery query, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", query.from());
        body.put("size", query.size());
        body.put("track_total_hits", true);
        body.put("_source", HIT_FIELDS);
        body.put("query", scored(query, Map.of("bool", Map.of("filter", filters(query, today)))));
        body.put("sort", sort(query));
        distances(query, body);
        Map<String, Object> aggs = new LinkedHashMap<>();
        FACETS.forEach(field -> aggs.put(
                field,
                Map.of(
                        "terms",
                        Map.of(
                                "field",
                                field,
                                "size",
                                100,
                                "order",
                                List.of(Map.of("_count", "desc"), Map.of("_key", "asc"))))));
        body.put("aggs", aggs);
        return body;
    }

    /**
     * The candidates of a text search, best first by words, {@code window} of them with their embeddings: those that
     * share the words (typos forgiven, synonyms applied), and those in the areas of support near the query in meaning
     * ({@code areas}: clause name to its boost, a constant it adds to the score). Facets and ordering are the
     * function's ({@link HybridRanking}).
     */
    static Map<String, Object> candidates(
            OfferQuery query, LocalDate today, Map<String, Double> areas, int from, int size) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("size", size);
        body.put("track_total_hits", true);
        List<String> fields = new ArrayList<>(HIT_FIELDS);
        fields.add("embedding");
        body.put("_source", fields);
        List<Object> should = new ArrayList<>();
        should.add(text(query.text()));
        areas.forEach((name, boost) -> should.add(Map.of(
                "constant_score",
                Map.of(
                        "filter",
                        Map.of("term", Map.of("areasOfSupportLineage", name.substring(AREA.length()))),
                        "boost",
                        boost,
                        "_name",
                        name))));
        body.put(
                "query",
                Map.of("bool", Map.of("filter", filters(query, today), "should", should, "minimum_should_match", 1)));
        body.put("sort", List.of("_score", Map.of("id", "asc")));
        distances(query, body);
        body.put(
                "highlight",
                Map.of(
                        "encoder",
                        "html",
                        "fields",
                        Map.of(
                                "title", Map.of("number_of_fragments", 0),
                                "description", Map.of("fragment_size", 160, "number_of_fragments", 2))));
        return body;
    }

    /** What anyone may see in search: approved offers whose review is not overdue. */
    static List<Object> visible(LocalDate today) {
        return new ArrayList<>(List.of(
                Map.of("term", Map.of("status", OfferStatus.APPROVED.name())),
                Map.of("range", Map.of("reviewDate", Map.of("gte", today.toString())))));
    }

    /**
     * Words anywhere, forgiving typos. best_fields with OR keeps recall for mixed queries, and scores a document by its
     * best field (title over description) so one long description cannot outweigh a matching title. The cross_fields
     * AND clause then lifts offers that carry every word somewhere, and the phrase clause those that carry the words
     * together. Fuzziness only from five letters (AUTO:5,8) so that KS1 never matches KS2 and SEN never SEND;
     * prefix_length 1 keeps typo expansion cheap and sane. Synonym expansions are left exact by OpenSearch, which is what
     * we want. Each clause is named, so the ranking knows which matched.
     */
    static Map<String, Object> text(String text) {
        List<Object> lifts = new ArrayList<>();
        lifts.add(Map.of(
                "multi_match",
                Map.of(
                        "query",
                        text,
                        "type",
                        "cross_fields",
                        "fields",
                        TEXT_FIELDS,
                        "operator",
                        "and",
                        "boost",
                        2.0,
                        "lenient",
                        true,
                        "_name",
                        ALL_WORDS)));
        if (text.split("\\s+").length <= MAX_PHRASE_WORDS) {
            lifts.add(Map.of(
                    "multi_match",
                    Map.of(
                            "query",
                            text,
                            "type",
                            "phrase",
                            "fields",
                            List.of("title^3", "description"),
                            "slop",
                            2,
                            "boost",
                            2.0,
                            "lenient",
                            true,
                            "_name",
                            PHRASE)));
        }
        return Map.of(
                "bool",
                Map.of(
                        "must",
                        Map.of(
                                "multi_match",
                                Map.of(
                                        "query",
                                        text,
                                        "type",
                                        "best_fields",
                                        "fields",
                                        TEXT_FIELDS,
                                        "operator",
                                        "or",
                                        "tie_breaker",
                                        0.3,
                                        "fuzziness",
                                        "AUTO:5,8",
                                        "prefix_length",
                                        1,
                                        "lenient",
                                        true,
                                        "_name",
                                        WORDS)),
                        "should",
                        lifts));
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
            filters.add(openOr(
                    "availableFrom",
                    Map.of("lte", query.availableIn().atEndOfMonth().toString())));
            filters.add(openOr(
                    "availableUntil", Map.of("gte", query.availableIn().atDay(1).toString())));
        }
        if (query.point() != null) {
            filters.add(
                    query.inPersonOnly()
                            ? inPerson(query)
                            : Map.of(
                                    "bool",
                                    Map.of(
                                            "minimum_should_match",
                                            1,
                                            "should",
                                            List.of(
                                                    inPerson(query),
                                                    Map.of(
                                                            "term",
                                                            Map.of("deliveryModes", DeliveryMode.REMOTE.name()))))));
        }
        return filters;
    }

    /**
     * Support that can be given in person at the point: offered in person, from within the radius, and from within the
     * provider's own travel radius unless the school can go to the provider instead. Named {@value #IN_PERSON}: a result
     * near a point that does not match it is there because it can be given remotely.
     */
    static Map<String, Object> inPerson(OfferQuery query) {
        Map<String, Object> travels = Map.of(
                "bool",
                Map.of(
                        "minimum_should_match",
                        1,
                        "should",
                        List.of(
                                Map.of("term", Map.of("deliveryModes", DeliveryMode.VISIT_TO_PROVIDER.name())),
                                Map.of("bool", Map.of("must_not", Map.of("exists", Map.of("field", "travelRadiusKm")))),
                                Map.of(
                                        "script",
                                        Map.of(
                                                "script",
                                                Map.of(
                                                        "lang",
                                                        "painless",
                                                        "source",
                                                        "doc['location'].size() > 0 && doc['travelRadiusKm'].size() > 0"
                                                                + " && doc['location'].arcDistance(params.lat, params.lon) <= doc['travelRadiusKm'].value * 1000.0",
                                                        "params",
                                                        point(query)))))));
        return Map.of(
                "bool",
                Map.of(
                        "_name",
                        IN_PERSON,
                        "filter",
                        List.of(
                                Map.of(
                                        "geo_distance",
                                        Map.of("distance", query.radiusKm() + "km", "location", point(query))),
                                Map.of("terms", Map.of("deliveryModes", IN_PERSON_MODES)),
                                travels)));
    }

    /**
     * Relevance without text is gentle boosts on a constant: nearness up to +0.5 for support reachable in person (a gauss
     * halving at a fifth of the radius beyond 2 km, so the next borough still counts), proven delivery (the log of
     * completed engagements, about +0.3 for each tenfold) and +0.2 (average impact out of 5), any designation (hub,
     * NLE...) +0.1, and the phases the text or school asks for (see {@link HybridRanking#factor}, which ranks text
     * searches the same way). Sorted by distance, support reachable in person comes first.
     */
    static Map<String, Object> scored(OfferQuery query, Map<String, Object> matched) {
        List<Object> functions = new ArrayList<>();
        if (query.sort() == OfferQuery.Sort.DISTANCE) {
            functions.add(Map.of("filter", inPerson(query), "weight", 2.0));
            functions.add(Map.of("weight", 1.0));
            return Map.of(
                    "function_score",
                    Map.of("query", matched, "functions", functions, "score_mode", "max", "boost_mode", "replace"));
        }
        if (query.sort() != OfferQuery.Sort.RELEVANCE) {
            return matched;
        }
        functions.add(Map.of("weight", 1.0));
        if (query.point() != null) {
            functions.add(Map.of(
                    "filter",
                    inPerson(query),
                    "gauss",
                    Map.of(
                            "location",
                            Map.of(
                                    "origin",
                                    point(query),
                                    "offset",
                                    "2km",
                                    "scale",
                                    Math.max(1, query.radiusKm() / 5) + "km",
                                    "decay",
                                    0.5)),
                    "weight",
                    0.5));
        }
        functions.add(Map.of(
                "field_value_factor",
                Map.of("field", "completedEngagements", "modifier", "log1p", "missing", 0),
                "weight",
                0.3));
        functions.add(Map.of(
                "field_value_factor", Map.of("field", "averageImpact", "factor", 0.2, "missing", 0), "weight", 0.2));
        functions.add(Map.of("filter", Map.of("exists", Map.of("field", "designations")), "weight", 0.1));
        if (!query.phaseHints().isEmpty()) {
            functions.add(Map.of(
                    "filter",
                    Map.of(
                            "terms",
                            Map.of(
                                    "phases",
                                    query.phaseHints().stream().map(Enum::name).toList())),
                    "weight",
                    0.3));
        }
        return Map.of(
                "function_score",
                Map.of(
                        "query",
                        matched,
                        "functions",
                        functions,
                        "score_mode",
                        "sum",
                        "boost_mode",
                        "multiply",
                        "max_boost",
                        2.0));
    }

    static List<Object> sort(OfferQuery query) {
        Map<String, Object> byId = Map.of("id", "asc");
        return switch (query.sort()) {
            case RELEVANCE -> List.of("_score", byId);
            case DISTANCE ->
                List.of(
                        "_score",
                        Map.of("_geo_distance", Map.of("location", point(query), "order", "asc", "unit", "km")),
                        byId);
            case PRICE -> List.of(Map.of("priceCredits", Map.of("order", "asc", "missing", "_last")), "_score", byId);
        };
    }

    /** Each hit's distance from the point, for those it asks about. */
    private static void distances(OfferQuery query, Map<String, Object> body) {
        if (query.point() != null) {
            body.put(
                    "script_fields",
                    Map.of(
                            "distanceKm",
                            Map.of(
                                    "script",
                                    Map.of(
                                            "lang",
                                            "painless",
                                            "source",
                                            "doc['location'].size() == 0 ? null : doc['location'].arcDistance(params.lat, params.lon) / 1000.0",
                                            "params",
                                            point(query)))));
        }
    }

    private static Map<String, Object> point(OfferQuery query) {
        return Map.of("lat", query.point().lat(), "lon", query.point().lon());
    }

    private static void terms(List<Object> filters, String field, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            filters.add(Map.of(
                    "terms",
                    Map.of(
                            field,
                            values.stream()
                                    .map(v -> v instanceof Enum<?> e ? e.name() : v)
                                    .toList())));
        }
    }

    private static Map<String, Object> openOr(String field, Map<String, Object> range) {
        return Map.of(
                "bool",
                Map.of(
                        "minimum_should_match",
                        1,
                        "should",
                        List.of(
                                Map.of("range", Map.of(field, range)),
                                Map.of("bool", Map.of("must_not", Map.of("exists", Map.of("field", field)))))));
    }
}
