package uk.sse.reporting.support;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import uk.sse.reporting.ReportingSettings;
import uk.sse.reporting.storage.ReadModelSchemas;

/** The read model's tables as the tests look into them: row counts, and emptying them between tries. */
@Singleton
public class ReadModelRows {

    public static final List<String> TABLES = ReadModelSchemas.TABLES;

    private final TransactionOperations<Connection> tx;
    private final String schema;

    public ReadModelRows(TransactionOperations<Connection> tx, ReportingSettings settings) {
        this.tx = tx;
        this.schema = settings.schema();
    }

    public long count(String table) {
        return count(schema, table);
    }

    public long count(String inSchema, String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return tx.executeRead(status -> {
            try (Statement st = status.getConnection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + inSchema + "\"." + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public void empty() {
        tx.executeWrite(status -> {
            try (Statement st = status.getConnection().createStatement()) {
                st.execute("TRUNCATE "
                        + String.join(
                                ", ",
                                TABLES.stream()
                                        .map(t -> "\"" + schema + "\"." + t)
                                        .toList()) + " CASCADE");
            }
            return null;
        });
    }
}
