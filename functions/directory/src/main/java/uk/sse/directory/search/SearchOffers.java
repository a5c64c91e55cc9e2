package uk.sse.directory.search;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import uk.sse.directory.application.Recently;
import uk.sse.directory.application.SchoolStore;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.model.Phase;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolPlaces;
import uk.sse.embeddings.SentenceEmbeddings;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.search.SearchSynonyms;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * Finds the approved, in-date offers that fit an adviser's need, best and nearest first. Without words, OpenSearch
 * filters and orders them. With words, it finds the candidates (sharing the words, or in the areas of support nearest the
 * words in meaning) and this function ranks the best of them by words and meaning together ({@link HybridRanking}) and
 * says how many are strong matches: the embedded OpenSearch node has no k-NN (docs/decisions/0050).
 */
@Singleton
public class SearchOffers {

    static final java.time.Duration PLACES_KEPT_FOR = java.time.Duration.ofMinutes(10);
    static final int PLACES_KEPT = 5_000;

    private final SearchEngine engine;
    private final SearchSettings settings;
    private final RankingSettings ranking;
    private final SchoolStore schools;
    /** Schools' places, read on every search near one, change only with a register import: kept a few minutes. */
    private final Recently<String, Optional<School>> places;
    /** The record of every school's place (docs/decisions/0118), read once and again after a few minutes. */
    private final Recently<String, Optional<SchoolPlaces>> everyPlace;

    private final SentenceEmbeddings embeddings;
    private final SemanticAreas semanticAreas;
    private final Clock clock;

    public SearchOffers(
            SearchEngine engine,
            SearchSettings settings,
            RankingSettings ranking,
            SchoolStore schools,
            SentenceEmbeddings embeddings,
            SemanticAreas semanticAreas,
            Clock clock) {
        this.engine = engine;
        this.settings = settings;
        this.ranking = ranking;
        this.schools = schools;
        this.places = new Recently<>(clock, PLACES_KEPT_FOR, PLACES_KEPT);
        this.everyPlace = new Recently<>(clock, PLACES_KEPT_FOR, 1);
        this.embeddings = embeddings;
        this.semanticAreas = semanticAreas;
        this.clock = clock;
    }

    /** The same search ranking by other settings: for trying them on the relevance set (./run eval-search --grid). */
    public SearchOffers rankingBy(RankingSettings other) {
        return new SearchOffers(engine, settings, other, schools, embeddings, semanticAreas, clock);
    }

    public Outcome<OfferResults> search(OfferSearchParameters p) {
        return check(p).map(this::run);
    }

    /** What a text search's ranking saw of each candidate, in its order: for the relevance set (./run eval-search --dump). */
    public record Explained(
            String id,
            double lexical,
            double similarity,
            double areaNearness,
            double factor,
            boolean strong,
            double score) {}

    /** The query's embedding as the ranking used it, and its candidates as ranked. */
    public record Explanation(float[] query, List<Explained> candidates) {}

    public Outcome<Explanation> explain(OfferSearchParameters p) {
        return check(p).map(q -> {
            if (q.text() == null) {
                return new Explanation(new float[0], List.of());
            }
            Window window = ranked(q, LocalDate.now(clock));
            return new Explanation(
                    window.meaning(),
                    window.ranked().stream()
                            .map(r -> new Explained(
                                    (String) SearchResponse.map(r.hit().get("_source"))
                                            .get("id"),
                                    r.lexical(),
                                    r.similarity(),
                                    r.areaNearness(),
                                    r.factor(),
                                    r.strong(),
                                    r.score()))
                            .toList());
        });
    }

    /** A text search's window of candidates, ranked; its total, the areas it looked in, and the query's embedding. */
    private record Window(long total, List<HybridRanking.Ranked> ranked, Map<String, Double> areas, float[] meaning) {}

    private Window ranked(OfferQuery q, LocalDate today) {
        String typed = q.typed();
        float[] meaning = embeddings.embed(SearchSynonyms.standard().withMeanings(q.typed()));
        Map<String, Double> areas = new LinkedHashMap<>();
        SemanticAreas.nearest(semanticAreas.similarities(meaning), ranking.areas(), ranking.areaSimilarity())
                .forEach(a -> areas.put(OfferQueries.AREA + a.code(), a.similarity()));
        SearchResponse window =
                engine.search(settings.offersIndex(), OfferQueries.candidates(q, today, areas, 0, ranking.window()));
        // words that matched nothing, if the index has them a slip of the hand away, are searched for as the index
        // writes them
        List<String> unmatched = Typos.unmatched(q.typed(), window.hits());
        Map<String, String> respelt = unmatched.isEmpty()
                ? Map.of()
                : Typos.respellings(engine.search(settings.offersIndex(), Typos.suggestions(unmatched)));
        if (!respelt.isEmpty()) {
            q = respelt(q, respelt);
            window = engine.search(
                    settings.offersIndex(), OfferQueries.candidates(q, today, areas, 0, ranking.window()));
        }
        // words typed with a typo matched their right spelling: the model reads both, the typed and the mended
        String mended = Typos.mend(q.typed(), window.hits());
        if (!mended.equals(typed)) {
            float[] both = meaning.clone();
            float[] meant = embeddings.embed(SearchSynonyms.standard().withMeanings(mended));
            for (int i = 0; i < both.length; i++) {
                both[i] += meant[i];
            }
            meaning = uk.sse.embeddings.Vectors.unit(both);
        }
        return new Window(
                window.total(),
                HybridRanking.rank(window.hits(), meaning, semanticAreas.similarities(meaning), q, areas, ranking),
                areas,
                meaning);
    }

    /** The search with these words of its text respelt. */
    private static OfferQuery respelt(OfferQuery q, Map<String, String> words) {
        return new OfferQuery(
                Typos.replace(q.text(), words),
                Typos.replace(q.typed(), words),
                q.phaseHints(),
                q.areas(),
                q.phases(),
                q.modes(),
                q.providerTypes(),
                q.designations(),
                q.maxPrice(),
                q.availableIn(),
                q.point(),
                q.radiusKm(),
                q.inPersonOnly(),
                q.sort(),
                q.page(),
                q.size());
    }

    private OfferResults run(OfferQuery q) {
        LocalDate today = LocalDate.now(clock);
        if (q.text() == null) {
            SearchResponse response = engine.search(settings.offersIndex(), OfferQueries.body(q, today));
            return new OfferResults(
                    response.total(),
                    q.page(),
                    q.size(),
                    response.total(),
                    false,
                    response.hits().stream().map(h -> OfferHit.from(h, q, true)).toList(),
                    OfferQueries.FACETS.stream()
                            .map(f -> new Facet(f, response.buckets(f)))
                            .toList());
        }
        Window window = ranked(q, today);
        Map<String, Double> areas = window.areas();
        List<HybridRanking.Ranked> ranked = window.ranked();
        if (q.sort() != OfferQuery.Sort.RELEVANCE) {
            ranked = inOrderAsked(ranked, q.sort());
        }
        List<OfferHit> hits = new ArrayList<>();
        for (int i = q.from(); i < Math.min(ranked.size(), q.from() + q.size()); i++) {
            hits.add(OfferHit.from(ranked.get(i).hit(), q, ranked.get(i).strong()));
        }
        long total = window.total();
        if (q.sort() != OfferQuery.Sort.RELEVANCE) {
            total = ranked.size();
        } else if (q.from() + q.size() > ranked.size() && total > ranked.size()) {
            // beyond the window: the candidates in OpenSearch's order, none of them strong
            int from = Math.max(q.from(), ranked.size());
            engine.search(
                            settings.offersIndex(),
                            OfferQueries.candidates(q, today, areas, from, q.from() + q.size() - from))
                    .hits()
                    .forEach(h -> hits.add(OfferHit.from(h, q, false)));
        }
        List<HybridRanking.Ranked> strong =
                ranked.stream().filter(HybridRanking.Ranked::strong).toList();
        return new OfferResults(total, q.page(), q.size(), strong.size(), strong.isEmpty(), hits, facets(strong));
    }

    /** Sorted by distance or price: the strong matches in that order, then the rest in that order. */
    private static List<HybridRanking.Ranked> inOrderAsked(List<HybridRanking.Ranked> ranked, OfferQuery.Sort sort) {
        Comparator<HybridRanking.Ranked> byKey = Comparator.comparing(
                (HybridRanking.Ranked r) -> key(r, sort), Comparator.nullsLast(Comparator.naturalOrder()));
        return ranked.stream()
                .sorted(Comparator.comparing((HybridRanking.Ranked r) -> !r.strong())
                        .thenComparing(byKey)
                        .thenComparing(r -> (String)
                                SearchResponse.map(r.hit().get("_source")).get("id")))
                .toList();
    }

    private static Double key(HybridRanking.Ranked r, OfferQuery.Sort sort) {
        if (sort == OfferQuery.Sort.PRICE) {
            return SearchResponse.map(r.hit().get("_source")).get("priceCredits") instanceof Number n
                    ? n.doubleValue()
                    : null;
        }
        boolean inPerson =
                SearchResponse.strings(r.hit().get("matched_queries")).contains(OfferQueries.IN_PERSON);
        return inPerson
                        && SearchResponse.map(r.hit().get("fields")).get("distanceKm") instanceof List<?> d
                        && !d.isEmpty()
                        && d.get(0) instanceof Number km
                ? km.doubleValue()
                : null;
    }

    /** How many strong matches carry each value of each facet field. */
    private static List<Facet> facets(List<HybridRanking.Ranked> strong) {
        return OfferQueries.FACETS.stream()
                .map(field -> {
                    Map<String, Long> counts = new TreeMap<>();
                    strong.forEach(r -> {
                        Object value =
                                SearchResponse.map(r.hit().get("_source")).get(field);
                        (value instanceof String one ? List.of(one) : SearchResponse.strings(value))
                                .forEach(v -> counts.merge(v, 1L, Long::sum));
                    });
                    return new Facet(
                            field,
                            counts.entrySet().stream()
                                    .sorted(Map.Entry.<String, Long>comparingByValue()
                                            .reversed()
                                            .thenComparing(Map.Entry.comparingByKey()))
                                    .map(e -> new Facet.Count(e.getKey(), e.getValue()))
                                    .toList());
                })
                .toList();
    }

    Outcome<OfferQuery> check(OfferSearchParameters p) {
        List<String> unknown = p.area() == null
                ? List.of()
                : p.area().stream()
                        .filter(code -> !Taxonomy.standard().isKnown(code))
                        .toList();
        if (!unknown.isEmpty()) {
            return Outcome.invalid("area", "is not a taxonomy code: " + String.join(", ", unknown));
        }
        if ((long) p.page() * p.size() > OfferQuery.DEEPEST_RESULT) { // long: a huge page would overflow int and pass
            return Outcome.invalid(
                    "page", "reaches past result " + OfferQuery.DEEPEST_RESULT + ": narrow the search instead");
        }
        Optional<SearchText> text = Optional.empty();
        if (p.q() != null && !p.q().isBlank()) {
            text = SearchText.of(p.q());
            if (text.isEmpty()) {
                return Outcome.invalid("q", "has no words to search for: give letters or digits");
            }
        }
        YearMonth month = null;
        if (p.availableIn() != null) {
            try {
                month = YearMonth.parse(p.availableIn());
            } catch (DateTimeParseException e) {
                return Outcome.invalid("availableIn", "must be a month as yyyy-MM");
            }
        }
        OfferQuery.Sort sort = OfferQuery.Sort.valueOf(p.sort().toUpperCase(Locale.ROOT));
        YearMonth availableIn = month;
        Optional<SearchText> words = text;
        return place(p).flatMap(place -> {
            if (place.isEmpty() && sort == OfferQuery.Sort.DISTANCE) {
                return Outcome.invalid("sort", "sorting by distance needs near, postcode, or lat and lon");
            }
            if (place.isEmpty() && p.radiusKm() != null) {
                return Outcome.invalid("radiusKm", "needs near, postcode, or lat and lon");
            }
            if (place.isEmpty() && p.inPersonOnly()) {
                return Outcome.invalid("inPersonOnly", "needs near, postcode, or lat and lon");
            }
            Set<Phase> hints = words.map(SearchText::phases)
                    .filter(phases -> !phases.isEmpty())
                    .orElse(place.map(Place::phases).orElse(Set.of()));
            return Outcome.done(new OfferQuery(
                    words.map(SearchText::words).orElse(null),
                    words.map(SearchText::typed).orElse(null),
                    hints,
                    set(p.area()),
                    set(p.phase()),
                    set(p.mode()),
                    set(p.providerType()),
                    set(p.designation()),
                    p.maxPrice(),
                    availableIn,
                    place.map(Place::point).orElse(null),
                    p.radiusKm() == null ? OfferQuery.DEFAULT_RADIUS_KM : p.radiusKm(),
                    p.inPersonOnly(),
                    sort,
                    p.page(),
                    p.size()));
        });
    }

    /** Where distances are measured from, and the phases of the school there, if it is one. */
    private record Place(GeoPoint point, Set<Phase> phases) {}

    /** The school's place, or the postcode's, or the point given, or none. */
    private Outcome<Optional<Place>> place(OfferSearchParameters p) {
        if (p.near() != null && (p.postcode() != null || p.lat() != null || p.lon() != null)) {
            return Outcome.invalid("near", "give one of near, postcode, or lat and lon");
        }
        if (p.postcode() != null && (p.lat() != null || p.lon() != null)) {
            return Outcome.invalid("postcode", "give one of near, postcode, or lat and lon");
        }
        if (p.postcode() != null) {
            return Outcome.done(Optional.of(new Place(p.postcode().point(), Set.of())));
        }
        if (p.near() != null) {
            Optional<SchoolPlaces.Located> kept =
                    everyPlace.get("", any -> schools.places()).flatMap(all -> all.find(p.near()));
            if (kept.isPresent()) {
                SchoolPlaces.Located at = kept.get();
                return Outcome.done(Optional.of(
                        new Place(new GeoPoint(at.latitude(), at.longitude()), SchoolPhases.of(at.kind()))));
            }
            // not in the record: no location, or a school imported since it was read
            Optional<School> school = places.get(p.near(), schools::find);
            if (school.isEmpty()) {
                return Outcome.invalid("near", "no school in the register has URN " + p.near());
            }
            if (!school.get().hasLocation()) {
                return Outcome.invalid(
                        "near", "the register has no location for URN " + p.near() + ": give lat and lon");
            }
            return Outcome.done(Optional.of(new Place(
                    new GeoPoint(school.get().latitude(), school.get().longitude()), SchoolPhases.of(school.get()))));
        }
        if ((p.lat() == null) != (p.lon() == null)) {
            return Outcome.invalid(p.lat() == null ? "lat" : "lon", "lat and lon go together");
        }
        if (p.lat() == null) {
            return Outcome.done(Optional.empty());
        }
        if (!Double.isFinite(p.lat()) || !GeoPoint.valid(p.lat(), 0.0)) {
            return Outcome.invalid("lat", "must be a latitude from -90 to 90");
        }
        if (!Double.isFinite(p.lon()) || !GeoPoint.valid(0.0, p.lon())) {
            return Outcome.invalid("lon", "must be a longitude from -180 to 180");
        }
        return Outcome.done(Optional.of(new Place(new GeoPoint(p.lat(), p.lon()), Set.of())));
    }

    private static <T> Set<T> set(List<T> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }
}
