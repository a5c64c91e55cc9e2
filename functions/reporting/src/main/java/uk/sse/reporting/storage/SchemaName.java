package uk.sse.reporting.storage;

import java.util.regex.Pattern;

/** A PostgreSQL schema name the read model may use, quoted for SQL: lower-case letters, digits and {@code _}. */
public record SchemaName(String value) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,50}");

    public SchemaName {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("not a schema name the read model uses: " + value);
        }
    }

    /** {@code "name".table}. */
    public String table(String table) {
        return '"' + value + "\"." + table;
    }

    public String quoted() {
        return '"' + value + '"';
    }

    @Override
    public String toString() {
        return value;
    }
}
