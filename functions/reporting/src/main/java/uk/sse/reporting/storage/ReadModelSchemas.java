package uk.sse.reporting.storage;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.reporting.ReportingSettings;

/**
 * The schemas the read model lives in. The reports read {@code <schema>} (the connections' search path); a rebuild
 * migrates {@code <schema>_build}, renames it {@code <schema>_next} once complete (from then on the stream writes to
 * both, so nothing that arrives during the rebuild is lost), fills it from the source tables, and swaps it in with
 * two renames and a drop in one transaction: readers see the old read model or the new one, never a part.
 */
@Singleton
public class ReadModelSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelSchemas.class);

    private final SchemaName live;
    private final SchemaName next;
    private final SchemaName build;
    private final SchemaName old;
    private final DataSource dataSource;
    private final TransactionOperations<Connection> tx;

    public ReadModelSchemas(ReportingSettings settings, DataSource dataSource, TransactionOperations<Connection> tx) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource); // Flyway wants connections of its own
        this.tx = tx;
        this.live = new SchemaName(settings.schema());
        this.next = new SchemaName(settings.schema() + "_next");
        this.build = new SchemaName(settings.schema() + "_build");
        this.old = new SchemaName(settings.schema() + "_old");
    }

    public SchemaName live() {
        return live;
    }

    public SchemaName next() {
        return next;
    }

    /** Where the stream's changes go: the live schema, and the next one while a rebuild fills it. */
    public List<SchemaName> targets(Connection c) throws SQLException {
        List<SchemaName> targets = new ArrayList<>(List.of(live));
        if (exists(c, next)) {
            targets.add(next);
        }
        return targets;
    }

    /** A fresh, migrated {@code <schema>_next}; refused while one exists (a rebuild running, or one that died). */
    public SchemaName prepareNext() {
        tx.executeWrite(status -> {
            if (exists(status.getConnection(), next)) {
                throw new IllegalStateException(
                        "schema " + next + " exists: a rebuild is running, or one stopped half-way;"
                                + " drop it (DROP SCHEMA " + next + " CASCADE) to start again");
            }
            execute(status.getConnection(), "DROP SCHEMA IF EXISTS " + build.quoted() + " CASCADE");
            return null;
        });
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(build.value())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        tx.executeWrite(status ->
                execute(status.getConnection(), "ALTER SCHEMA " + build.quoted() + " RENAME TO " + next.quoted()));
        LOG.info("schema {} is ready; the stream now writes to {} and {}", next, live, next);
        return next;
    }

    /**
     * Gathers the planner's statistics of the schema's tables, as autovacuum would a while after a bulk load: a freshly
     * filled schema swapped in without them is planned as if empty (nested loops over thousands of rows).
     */
    public void analyze(SchemaName schema) {
        tx.executeWrite(status -> {
            for (String table : TABLES) {
                execute(status.getConnection(), "ANALYZE " + schema.table(table));
            }
            return null;
        });
    }

    /** The read model's tables (V1__read_model.sql). */
    public static final List<String> TABLES = List.of(
            "brokerage_event",
            "request",
            "request_area",
            "engagement",
            "evaluation",
            "school",
            "provider",
            "offer",
            "ledger_account",
            "ledger_transfer");

    /** Puts the filled next schema in the live one's place and drops the old, atomically. */
    public void swap() {
        tx.executeWrite(status -> {
            Connection c = status.getConnection();
            execute(c, "DROP SCHEMA IF EXISTS " + old.quoted() + " CASCADE");
            execute(c, "ALTER SCHEMA " + live.quoted() + " RENAME TO " + old.quoted());
            execute(c, "ALTER SCHEMA " + next.quoted() + " RENAME TO " + live.quoted());
            execute(c, "DROP SCHEMA " + old.quoted() + " CASCADE");
            return null;
        });
        LOG.info("schema {} now holds the rebuilt read model", live);
    }

    /** Drops a next schema that will not be swapped in (a failed rebuild). */
    public void abandonNext() {
        tx.executeWrite(
                status -> execute(status.getConnection(), "DROP SCHEMA IF EXISTS " + next.quoted() + " CASCADE"));
    }

    private static boolean exists(Connection c, SchemaName schema) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            q.setString(1, schema.value());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
        return null;
    }
}
