package uk.sse.directory.search;

import java.util.List;
import java.util.Map;

/** Typed reads over a raw OpenSearch search answer. */
public record SearchResponse(Map<String, Object> raw) {

    public long total() {
        Object total = map(raw.get("hits")).get("total");
        return total instanceof Map<?, ?> t ? ((Number) t.get("value")).longValue() : 0L;
    }

    public List<Map<String, Object>> hits() {
        return list(map(raw.get("hits")).get("hits"));
    }

    /** A terms aggregation's buckets, as value and count. */
    public List<Facet.Count> buckets(String aggregation) {
        Map<String, Object> agg = map(map(raw.get("aggregations")).get(aggregation));
        return list(agg.get("buckets")).stream()
                .map(b -> new Facet.Count(String.valueOf(b.get("key")), ((Number) b.get("doc_count")).longValue()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object value) {
        return value instanceof List<?> l ? (List<String>) l : List.of();
    }
}
