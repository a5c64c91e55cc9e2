package uk.sse.directory.search;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import uk.sse.embeddings.SentenceEmbeddings;
import uk.sse.embeddings.Vectors;
import uk.sse.engines.Engines;
import uk.sse.kernel.search.OfferEmbeddingText;
import uk.sse.kernel.search.SearchIndices;

/** Creates test indices from the kernel's definitions and fills them, as the indexer would, refreshed at once. */
@Singleton
public class TestIndices {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json;

    public TestIndices(JsonMapper json) {
        this.json = json;
    }

    public void create(SearchIndices which, String index) {
        send("PUT", "/" + index, which.definition());
    }

    /** Documents as the indexer writes them: an offer (one with a title) with its embedding. */
    public void put(String index, String idField, Collection<Map<String, Object>> documents) {
        StringBuilder bulk = new StringBuilder();
        try {
            for (Map<String, Object> given : documents) {
                Map<String, Object> doc = given;
                if (given.get("title") instanceof String && !given.containsKey("embedding")) {
                    doc = new java.util.HashMap<>(given);
                    doc.put(
                            "embedding",
                            Vectors.encode(SentenceEmbeddings.shared().embed(OfferEmbeddingText.of(given))));
                    doc.put("embeddingModel", SentenceEmbeddings.MODEL);
                }
                bulk.append(json.writeValueAsString(Map.of("index", Map.of("_index", index, "_id", doc.get(idField)))))
                        .append('\n');
                bulk.append(json.writeValueAsString(doc)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String answer = send("POST", "/_bulk?refresh=true", bulk.toString());
        if (answer.contains("\"errors\":true")) {
            throw new IllegalStateException("bulk indexing failed: " + answer);
        }
    }

    /** The ids each match query of {@code field} finds, asked in one multi-search request. */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> idsMatching(String index, String field, Collection<String> queries) {
        List<String> asked = List.copyOf(queries);
        StringBuilder body = new StringBuilder();
        try {
            for (String q : asked) {
                body.append("{}\n")
                        .append(json.writeValueAsString(
                                Map.of("size", 1000, "_source", false, "query", Map.of("match", Map.of(field, q)))))
                        .append('\n');
            }
            Map<String, Object> answer = json.readValue(
                    send("POST", "/" + index + "/_msearch", body.toString()),
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
            List<Map<String, Object>> responses = (List<Map<String, Object>>) answer.get("responses");
            Map<String, List<String>> found = new java.util.HashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                List<Map<String, Object>> hits = (List<Map<String, Object>>)
                        ((Map<String, Object>) responses.get(i).get("hits")).get("hits");
                found.put(
                        asked.get(i),
                        hits.stream().map(h -> (String) h.get("_id")).toList());
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String send(String method, String path, String body) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(Engines.openSearch().endpoint() + path))
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
