package uk.sse.directory.search;

import jakarta.inject.Singleton;
import uk.sse.directory.register.School;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Schools by URN, or by the words of their name as typed (each word a prefix, in any order). */
@Singleton
public class SearchSchools {

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
        Object match = School.isUrn(text)
                ? Map.of("term", Map.of("urn", text))
                : Map.of("multi_match", Map.of("query", text, "type", "bool_prefix", "operator", "and",
                        "fields", List.of("name", "name._2gram", "name._3gram")));
        Map<String, Object> body = Map.of("size", limit, "query", Map.of("bool", Map.of("must", match, "filter", filters)),
                "sort", List.of("_score", Map.of("name.raw", "asc"), Map.of("urn", "asc")));
        return engine.search(settings.schoolsIndex(), body).hits().stream().map(SchoolHit::from).toList();
    }
}
