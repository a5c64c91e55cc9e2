package uk.sse.reporting.database;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.sse.reporting.support.ReadModelProperties;
import uk.sse.reporting.support.ReadModelRows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The datasource takes its user and password from the secret SSE_REPORTING_DB_SECRET_ARN names. Secrets Manager itself is
 * not reachable from these machines, so a loopback server stands in for its endpoint: it answers the AWS SDK's real
 * GetSecretValue call (JSON 1.1 protocol) with the shape the service answers, and records what it was asked.
 */
class SecretCredentialsTest {

    static final String ARN = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:sse-reporting-db-AbCdEf";

    HttpServer server;
    final List<String> asked = new ArrayList<>();
    volatile String secretString;

    @BeforeEach
    void standIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String body = "{\"ARN\":\"" + ARN + "\",\"Name\":\"sse-reporting-db\",\"VersionId\":\"v1\",\"SecretString\":"
                    + quoted(secretString) + ",\"CreatedDate\":1.7e9}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>(ReadModelProperties.fresh());
        p.remove("datasources.default.username");
        p.remove("datasources.default.password");
        p.put("sse.reporting.db-secret-arn", ARN);
        p.put("sse.reporting.secrets-endpoint", "http://127.0.0.1:" + server.getAddress().getPort());
        return p;
    }

    @Test
    void theDatasourceConnectsWithTheSecretsCredentials() {
        secretString = "{\"username\":\"postgres\",\"password\":\"from-the-secret\",\"engine\":\"postgres\",\"host\":\"db\",\"port\":5432}";
        try (ApplicationContext context = ApplicationContext.builder().environments("test").properties(properties()).start()) {
            DatasourceConfiguration datasource = context.getBean(DatasourceConfiguration.class);
            assertThat(datasource.getUsername()).isEqualTo("postgres");
            assertThat(datasource.getPassword()).isEqualTo("from-the-secret");
            assertThat(context.getBean(ReadModelRows.class).count("request")).as("migrated and queried with them").isZero();
        }
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst()).startsWith("secretsmanager.GetSecretValue ").contains("\"SecretId\":\"" + ARN + "\"");
    }

    @Test
    void aSecretWithoutAPasswordStopsTheStartSayingWhyWithoutSayingWhatItHolds() {
        secretString = "{\"username\":\"postgres\",\"host\":\"db-secret-host\"}";
        assertThatThrownBy(() -> ApplicationContext.builder().environments("test").properties(properties()).start())
                .hasStackTraceContaining("the secret has no password").hasStackTraceContaining(ARN);
        secretString = "not json at all";
        assertThatThrownBy(() -> ApplicationContext.builder().environments("test").properties(properties()).start())
                .hasStackTraceContaining("the secret is not a JSON object");
    }

    @Test
    void theCredentialsAreReadOnlyFromACompleteSecret() {
        StringBuilder why = new StringBuilder();
        assertThat(DatabaseSecret.of(Map.of("username", "u", "password", "p"), why)).contains(new DatabaseSecret("u", "p"));
        assertThat(DatabaseSecret.of(Map.of("username", " ", "password", "p"), why)).isEmpty();
        assertThat(DatabaseSecret.of(Map.of("username", "u", "password", 5), new StringBuilder())).isEmpty();
        assertThat(new DatabaseSecret("u", "hunter2").toString()).doesNotContain("hunter2");
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
