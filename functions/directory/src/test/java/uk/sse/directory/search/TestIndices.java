package uk.sse.directory.search;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import uk.sse.engines.Engines;
import uk.sse.kernel.search.SearchIndices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.Map;

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

    public void put(String index, String idField, Collection<Map<String, Object>> documents) {
        StringBuilder bulk = new StringBuilder();
        try {
            for (Map<String, Object> doc : documents) {
                bulk.append(json.writeValueAsString(Map.of("index", Map.of("_index", index, "_id", doc.get(idField))))).append('\n');
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

    private String send(String method, String path, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(Engines.openSearch().endpoint() + path))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
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
