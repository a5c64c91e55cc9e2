package uk.sse.reporting.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import uk.sse.engines.Engines;
import uk.sse.engines.PostgresEngine;

/** Configuration that points the reporting function at the embedded PostgreSQL, in a schema of the caller's own. */
public final class ReadModelProperties {

    private ReadModelProperties() {}

    /** A fresh schema name ({@code rt_} and 10 hex digits): Flyway creates it on the first start. */
    public static Map<String, String> fresh() {
        return in("rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    }

    public static Map<String, String> in(String schema) {
        PostgresEngine postgres = Engines.postgres();
        Map<String, String> p = new HashMap<>();
        p.put("datasources.default.url", postgres.jdbcUrl());
        p.put("datasources.default.username", postgres.username());
        p.put("datasources.default.password", postgres.password());
        p.put("sse.reporting.schema", schema);
        return p;
    }
}
