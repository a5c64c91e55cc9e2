package uk.sse.reporting.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL with {@code :name} parameters (a {@code ::type} cast is not one), each bound from a map as often as it appears.
 * The report queries use each of area, start, end and zone many times; positional {@code ?} would repeat them by hand.
 */
final class NamedSql {

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-z][A-Za-z0-9]*)");

    private final String sql;
    private final List<String> names;

    NamedSql(String text) {
        Matcher m = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        this.sql = out.toString();
        this.names = List.copyOf(found);
    }

    PreparedStatement prepare(Connection c, Map<String, ?> values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name);
                }
                bind(ps, i + 1, values.get(name));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int i, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(i, Types.NULL);
            case Instant at -> ps.setObject(i, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            default -> ps.setObject(i, value);
        }
    }
}
