package uk.sse.directory.search;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completions while an adviser types: titles, provider names and area labels of visible offers. The
 * search_as_you_type field finds the offers; which of their strings matched is decided here, word by word,
 * because the field is a copy of all three and cannot say which one it came from.
 */
@Singleton
public class SuggestOffers {

    static final int LIMIT = 10;
    private static final List<String> SOURCES = List.of("title", "providerName", "areaLabels");

    private final SearchEngine engine;
    private final SearchSettings settings;
    private final Clock clock;

    public SuggestOffers(SearchEngine engine, SearchSettings settings, Clock clock) {
        this.engine = engine;
        this.settings = settings;
        this.clock = clock;
    }

    public List<String> suggest(String q) {
        List<String> words = PrefixWords.of(q);
        if (words.isEmpty()) {
            return List.of();
        }
        Map<String, Object> body = Map.of(
                "size",
                30,
                "_source",
                SOURCES,
                "query",
                Map.of(
                        "bool",
                        Map.of(
                                "must",
                                        Map.of(
                                                "multi_match",
                                                Map.of(
                                                        "query",
                                                        q,
                                                        "type",
                                                        "bool_prefix",
                                                        "operator",
                                                        "and",
                                                        "fields",
                                                        List.of("suggest", "suggest._2gram", "suggest._3gram"))),
                                "filter", OfferQueries.visible(LocalDate.now(clock)))));
        Set<String> found = new LinkedHashSet<>();
        for (Map<String, Object> hit :
                engine.search(settings.offersIndex(), body).hits()) {
            Map<String, Object> source = SearchResponse.map(hit.get("_source"));
            for (String field : SOURCES) {
                Object value = source.get(field);
                List<String> candidates = value instanceof String s ? List.of(s) : SearchResponse.strings(value);
                candidates.stream()
                        .filter(c -> startsEveryWord(words, PrefixWords.of(c)))
                        .forEach(found::add);
            }
        }
        return found.stream().limit(LIMIT).toList();
    }

    /** Each typed word begins some word of the candidate, as the index's prefix analysis sees them. */
    private static boolean startsEveryWord(List<String> typed, List<String> candidate) {
        return typed.stream().allMatch(t -> candidate.stream().anyMatch(c -> c.startsWith(t)));
    }
}
