package uk.sse.reporting.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.sse.reporting.support.ReadModelProperties;
import uk.sse.reporting.support.ReadModelRows;
import uk.sse.testing.LocalSecretsManager;

/**
 * The datasource takes its user and password from the secret SSE_REPORTING_DB_SECRET_ARN names. Secrets Manager itself is
 * not reachable from these machines, so {@link LocalSecretsManager} stands in for its endpoint, answering the AWS SDK's
 * real GetSecretValue call. SecretRotationTest rotates the password under a running function.
 */
class SecretCredentialsTest {

    static final String ARN = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:sse-reporting-db-AbCdEf";

    LocalSecretsManager secrets;

    @BeforeEach
    void standIn() {
        secrets = LocalSecretsManager.start();
    }

    @AfterEach
    void stop() {
        secrets.close();
    }

    Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>(ReadModelProperties.fresh());
        p.remove("datasources.default.username");
        p.remove("datasources.default.password");
        p.put("sse.reporting.db-secret-arn", ARN);
        p.put("sse.reporting.secrets-endpoint", secrets.endpoint());
        return p;
    }

    @Test
    void theDatasourceConnectsWithTheSecretsCredentials() {
        secrets.put(
                ARN,
                "{\"username\":\"postgres\",\"password\":\"from-the-secret\",\"engine\":\"postgres\",\"host\":\"db\",\"port\":5432}");
        try (ApplicationContext context = ApplicationContext.builder()
                .environments("test")
                .properties(properties())
                .start()) {
            DatasourceConfiguration datasource = context.getBean(DatasourceConfiguration.class);
            assertThat(datasource.getDataSource())
                    .as("connections are opened with the secret's credentials")
                    .isInstanceOf(SecretDataSource.class);
            assertThat(datasource.getPassword())
                    .as("not kept in the pool's configuration")
                    .isNull();
            assertThat(context.getBean(ReadModelRows.class).count("request"))
                    .as("migrated and queried with them")
                    .isZero();
        }
        assertThat(secrets.asked()).hasSize(1);
        assertThat(secrets.asked().getFirst())
                .startsWith("secretsmanager.GetSecretValue ")
                .contains("\"SecretId\":\"" + ARN + "\"");
    }

    @Test
    void aSecretWithoutAPasswordStopsTheStartSayingWhyWithoutSayingWhatItHolds() {
        secrets.put(ARN, "{\"username\":\"postgres\",\"host\":\"db-secret-host\"}");
        assertThatThrownBy(() -> ApplicationContext.builder()
                        .environments("test")
                        .properties(properties())
                        .start())
                .hasStackTraceContaining("the secret has no password")
                .hasStackTraceContaining(ARN);
        secrets.put(ARN, "not json at all");
        assertThatThrownBy(() -> ApplicationContext.builder()
                        .environments("test")
                        .properties(properties())
                        .start())
                .hasStackTraceContaining("the secret is not a JSON object");
    }

    @Test
    void theCredentialsAreReadOnlyFromACompleteSecret() {
        StringBuilder why = new StringBuilder();
        assertThat(DatabaseSecret.of(Map.of("username", "u", "password", "p"), why))
                .contains(new DatabaseSecret("u", "p"));
        assertThat(DatabaseSecret.of(Map.of("username", " ", "password", "p"), why))
                .isEmpty();
        assertThat(DatabaseSecret.of(Map.of("username", "u", "password", 5), new StringBuilder()))
                .isEmpty();
        assertThat(new DatabaseSecret("u", "hunter2").toString()).doesNotContain("hunter2");
    }
}
