package uk.sse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.sse.engines.Engines;
import uk.sse.engines.PostgresEngine;

/**
 * The reporting function's shaded Lambda jar, alone on a fresh JVM's classpath, migrates its schema (Flyway, its
 * PostgreSQL plugin, the driver and the migration must all be inside) and answers an API Gateway event.
 */
class ReportingArtefactTest {

    @Test
    void theDeployedJarMigratesItsSchemaAndAnswersOnItsOwn() throws Exception {
        Path jar = lambdaJar();
        PostgresEngine postgres = Engines.postgres();
        String url = postgres.jdbcUrl() + "?user=" + postgres.username() + "&password=" + postgres.password();
        ColdStartBenchmark.Function function = new ColdStartBenchmark.Function(
                "reporting",
                jar,
                java.util.Map.of("datasources.default.url", url),
                "/reports/credits",
                "COMMISSIONER",
                400);
        String line = ColdStartBenchmark.probe(
                ColdStartBenchmark.probeClasspath(jar), function, List.of(), "2", function.path(), "false");
        assertThat(line)
                .as("the period is missing: a 400 once the token is checked")
                .contains("status=400");
        try (Connection c = postgres.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'reporting' ORDER BY 1")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            assertThat(tables)
                    .contains("brokerage_event", "request", "engagement", "ledger_transfer", "flyway_schema_history");
        }
    }

    private static Path lambdaJar() throws IOException {
        Path target = Path.of("../../functions/reporting/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Lambda jar in " + target.toAbsolutePath()
                            + ": run the whole build (./mvnw -B verify) so that the function is packaged first"));
        }
    }
}
