package uk.sse.reporting.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import uk.sse.engines.Engines;

/**
 * A login role of the embedded PostgreSQL whose password is really checked: the engine trusts every loopback
 * connection, so the role gets {@code scram-sha-256} lines of its own at the top of {@code pg_hba.conf} (the first
 * line that matches decides; every other role is still trusted).
 */
final class PasswordLogins {

    private PasswordLogins() {}

    static void create(String role, String password) throws Exception {
        sql("CREATE ROLE " + role + " LOGIN SUPERUSER PASSWORD '" + password + "'");
        Path hba;
        try (Connection c = Engines.postgres().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW hba_file")) {
            r.next();
            hba = Path.of(r.getString(1));
        }
        String lines =
                "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role + " ::1/128 scram-sha-256\n";
        synchronized (PasswordLogins.class) {
            Files.writeString(hba, lines + Files.readString(hba));
        }
        sql("SELECT pg_reload_conf()");
    }

    static void setPassword(String role, String password) throws SQLException {
        sql("ALTER ROLE " + role + " PASSWORD '" + password + "'");
    }

    /** Ends every connection of {@code role}: the pool finds them gone and opens new ones. */
    static void disconnect(String role) throws SQLException {
        sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'");
    }

    /** The SQLState of a login as {@code role} with {@code password}: null if it was let in. */
    static String login(String role, String password) {
        try (Connection ignored = DriverManager.getConnection(Engines.postgres().jdbcUrl(), role, password)) {
            return null;
        } catch (SQLException refused) {
            return refused.getSQLState();
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = Engines.postgres().dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
