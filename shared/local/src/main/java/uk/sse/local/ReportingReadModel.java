package uk.sse.local;

import java.util.Map;
import uk.sse.engines.PostgresEngine;

/**
 * The reporting function's read model in the embedded PostgreSQL. The local run's classpath holds every function's
 * {@code application.yml} and only the first is read, so the reporting function's own datasource and Flyway
 * settings (its application.yml) are repeated here.
 */
public final class ReportingReadModel {

    private ReportingReadModel() {}

    /** In schema {@code reporting}: the local run's. */
    static Map<String, Object> settings(PostgresEngine postgres) {
        return settings(postgres, "reporting");
    }

    /** The same in another schema (the benchmark's). */
    public static Map<String, Object> settings(PostgresEngine postgres, String schema) {
        return Map.of(
                "datasources.default.url",
                postgres.jdbcUrl(),
                "datasources.default.username",
                postgres.username(),
                "datasources.default.password",
                postgres.password(),
                "datasources.default.driver-class-name",
                "org.postgresql.Driver",
                "datasources.default.dialect",
                "POSTGRES",
                "datasources.default.schema",
                schema,
                "sse.reporting.schema",
                schema,
                "flyway.datasources.default.enabled",
                "true",
                "flyway.datasources.default.schemas",
                schema,
                "flyway.datasources.default.locations",
                "classpath:db/migration");
    }
}
