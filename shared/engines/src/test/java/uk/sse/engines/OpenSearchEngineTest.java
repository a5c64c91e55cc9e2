package uk.sse.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.sse.engines.node.OpenSearchNodeMain;

/** Talks to the shared node over plain HTTP; the last test closes it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchEngineTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        URI uri = Engines.openSearch().endpoint().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ok(String method, String path, String json) throws Exception {
        HttpResponse<String> response = send(method, path, json);
        assertThat(response.statusCode())
                .as("%s %s -> %s", method, path, response.body())
                .isBetween(200, 201);
        return response.body();
    }

    private static String hits(String index, String query) throws Exception {
        String body = ok("POST", "/" + index + "/_search", "{\"query\": " + query + "}");
        return body.replaceAll("(?s).*\"total\":\\{\"value\":(\\d+).*", "$1");
    }

    @Test
    @Order(1)
    void clusterIsHealthyWithOneNodeOnLoopback() throws Exception {
        assertThat(Engines.openSearch().endpoint().getHost()).isEqualTo("127.0.0.1");
        String health = ok("GET", "/_cluster/health?wait_for_status=yellow&timeout=60s", null);
        assertThat(health)
                .contains("\"cluster_name\":\"sse-engines\"", "\"number_of_nodes\":1")
                .containsAnyOf("\"status\":\"green\"", "\"status\":\"yellow\"");
        assertThat(ok("GET", "/", null)).contains("\"number\" : \"3.8.0\"");
    }

    @Test
    @Order(2)
    void englishAnalyzerSynonymsAndGeoPointWork() throws Exception {
        ok("PUT", "/schools", """
                {
                  "settings": {
                    "number_of_shards": 1, "number_of_replicas": 0,
                    "analysis": {
                      "filter": {"school_synonyms": {"type": "synonym", "synonyms": ["pupil, student", "maths, mathematics"]}},
                      "analyzer": {"with_synonyms": {"tokenizer": "standard", "filter": ["lowercase", "school_synonyms"]}}
                    }
                  },
                  "mappings": {
                    "properties": {
                      "about": {"type": "text", "analyzer": "english"},
                      "offer": {"type": "text", "analyzer": "with_synonyms"},
                      "name_count": {"type": "token_count", "analyzer": "standard"},
                      "location": {"type": "geo_point"}
                    }
                  }
                }""");
        ok("PUT", "/schools/_doc/1?refresh=true", """
                {"about": "A school that runs clubs", "offer": "maths tutoring for every pupil",
                 "name_count": "Hill Top Primary", "location": {"lat": 51.5007, "lon": -0.1246}}""");

        assertThat(hits("schools", "{\"match\": {\"about\": \"running\"}}")).isEqualTo("1"); // english stemming
        assertThat(hits("schools", "{\"match\": {\"offer\": \"student\"}}")).isEqualTo("1"); // synonym filter
        assertThat(hits("schools", "{\"match\": {\"offer\": \"mathematics\"}}")).isEqualTo("1");
        assertThat(hits("schools", "{\"term\": {\"name_count\": 3}}")).isEqualTo("1"); // mapper-extras
        assertThat(hits("schools", """
                {"geo_distance": {"distance": "2km", "location": {"lat": 51.5033, "lon": -0.1196}}}""")).isEqualTo("1");
        assertThat(hits("schools", """
                {"geo_distance": {"distance": "2km", "location": {"lat": 53.4808, "lon": -2.2426}}}""")).isEqualTo("0");
    }

    @Test
    @Order(3)
    void ingestPipelinesRun() throws Exception {
        ok("PUT", "/_ingest/pipeline/stamp", """
                {"processors": [{"set": {"field": "source", "value": "pipeline"}}, {"lowercase": {"field": "name"}}]}""");
        ok("PUT", "/stamped/_doc/1?refresh=true&pipeline=stamp", "{\"name\": \"Hill TOP\"}");
        assertThat(ok("GET", "/stamped/_doc/1", null)).contains("\"source\":\"pipeline\"", "\"name\":\"hill top\"");
    }

    @Test
    @Order(100)
    void closeStopsTheChildJvm() throws Exception {
        OpenSearchEngine engine = Engines.openSearch();
        ProcessHandle child = engine.process();
        int port = engine.endpoint().getPort();
        assertThat(child.isAlive()).isTrue();

        engine.close();

        assertThat(child.isAlive()).isFalse();
        assertThat(Ports.accepts("127.0.0.1", port)).isFalse();
        // it stopped because its stdin closed, not because it was killed
        assertThat(Files.readString(engine.logFile())).contains(OpenSearchNodeMain.STOPPING);
        engine.close(); // idempotent
    }
}
