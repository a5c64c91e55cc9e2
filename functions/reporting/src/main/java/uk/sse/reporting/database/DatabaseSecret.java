package uk.sse.reporting.database;

import java.util.Map;
import java.util.Optional;

/**
 * The database credentials in a Secrets Manager secret, as RDS and Aurora write them: a JSON object with at least
 * {@code username} and {@code password} (and usually host, port, dbname, engine, which the JDBC URL already says).
 */
public record DatabaseSecret(String username, String password) {

    /** The credentials in the secret's parsed JSON, or why there are none; the message never carries a value. */
    public static Optional<DatabaseSecret> of(Map<String, Object> json, StringBuilder why) {
        if (json == null) {
            why.append("the secret is not a JSON object");
            return Optional.empty();
        }
        if (!(json.get("username") instanceof String username) || username.isBlank()) {
            why.append("the secret has no username");
            return Optional.empty();
        }
        if (!(json.get("password") instanceof String password) || password.isEmpty()) {
            why.append("the secret has no password");
            return Optional.empty();
        }
        return Optional.of(new DatabaseSecret(username, password));
    }

    @Override
    public String toString() {
        return "DatabaseSecret[username=" + username + ", password=(hidden)]";
    }
}
