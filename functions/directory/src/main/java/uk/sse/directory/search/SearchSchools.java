package uk.sse.directory.search;

import jakarta.inject.Singleton;
import uk.sse.directory.register.School;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Schools by URN, or by the words of their name as typed (each word a prefix, in any order). */
@Singleton
public class SearchSchools {

    private static final int MAX_WORDS = 10;

    private final SearchEngine engine;
    private final SearchSettings settings;

    public SearchSchools(SearchEngine engine, SearchSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    public List<SchoolHit> search(String q, String laCode, int limit) {
        String text = q.strip();
        List<Object> filters = new ArrayList<>();
        if (laCode != null) {
            filters.add(Map.of("term", Map.of("laCode", laCode)));
        }
        Map<String, Object> query;
        if (School.isUrn(text)) {
            query = Map.of("bool", Map.of("must", Map.of("term", Map.of("urn", text)), "filter", filters));
        } else {
            // every word typed begins a word of the name ("canon prim"); whole words and word order score higher
            List<Object> prefixes = PrefixWords.of(text).stream().limit(MAX_WORDS)
                    .map(word -> (Object) Map.of("prefix", Map.of("name", word))).toList();
            if (prefixes.isEmpty()) {
                return List.of();
            }
            query = Map.of("bool", Map.of("must", prefixes, "filter", filters, "should", Map.of("multi_match", Map.of(
                    "query", text, "type", "bool_prefix", "fields", List.of("name", "name._2gram", "name._3gram")))));
        }
        Map<String, Object> body = Map.of("size", limit, "query", query,
                "sort", List.of("_score", Map.of("name.raw", "asc"), Map.of("urn", "asc")));
        return engine.search(settings.schoolsIndex(), body).hits().stream().map(SchoolHit::from).toList();
    }
}
