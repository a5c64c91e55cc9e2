package uk.sse.directory.search;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Sends a search body to an index and hands back the parsed answer. Bodies are plain JSON maps so a
 * query reads like the OpenSearch documentation; user text only ever goes in as a value, never as syntax.
 */
@Singleton
public class SearchEngine {

    private final OpenSearchClient client;
    private final JsonMapper json;

    public SearchEngine(OpenSearchClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    public SearchResponse search(String index, Map<String, Object> body) {
        try (Response response = client.generic()
                .execute(Requests.builder()
                        .method("POST")
                        .endpoint("/" + index + "/_search")
                        .json(json.writeValueAsString(body))
                        .build())) {
            String text = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() / 100 != 2) {
                throw new SearchFailed("search of " + index + " answered " + response.getStatus() + ": " + text);
            }
            return new SearchResponse(json.readValue(text, Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new SearchFailed("search of " + index + " could not be sent: " + e.getMessage(), e);
        }
    }

    /** The cluster could not be reached or refused a query: a fault of ours or of the cluster, never of the caller's text. */
    public static final class SearchFailed extends RuntimeException {
        SearchFailed(String message) {
            super(message);
        }

        SearchFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
