package uk.sse.reporting.storage;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.sse.reporting.model.ReportPeriod;
import uk.sse.reporting.reports.AreaLevel;

/**
 * The report queries: explicit SQL over the read model (aggregations, percentiles, per-area shares), in a read-only
 * transaction on the connections' schema. Each answers raw sums and counts in the row types below; rounding, averages,
 * labels and totals are {@code ReadReports}' business. Every query is bounded by the area and the period, which the
 * indexes lead with.
 */
@Singleton
public class ReportQueries {

    /** The credits a transfer moved: all of a single-phase one, what a hold posted. */
    private static final String MOVED =
            "(CASE t.state WHEN 'SINGLE_PHASE' THEN t.amount WHEN 'POSTED' THEN t.posted_amount ELSE 0 END)";

    private static final String ISSUING = "'ISSUING'";
    /** Owners that are schools: a URN of the register, or a provider the directory calls a school. */
    private static final String SCHOOLS =
            "(SELECT urn FROM school UNION SELECT provider_id FROM provider WHERE type = 'SCHOOL')";

    private final TransactionOperations<Connection> tx;

    public ReportQueries(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    // ------------------------------------------------------------------ days

    public record AreaDays(
            String month,
            String area,
            String topArea,
            long engagements,
            BigDecimal commissioned,
            BigDecimal delivered,
            BigDecimal cancelled) {}

    public record DaysTotal(long engagements, BigDecimal commissioned, BigDecimal delivered, BigDecimal cancelled) {}

    private static final String MOVES = """
            WITH moves AS (
                SELECT e.request_id, e.agreed_at AS at, 1 AS agreed, e.days AS commissioned, 0 AS delivered, 0 AS cancelled
                  FROM engagement e WHERE e.area = :area AND e.agreed_at >= :start AND e.agreed_at < :end
                UNION ALL
                SELECT e.request_id, e.completed_at, 0, 0, e.days_delivered, 0
                  FROM engagement e WHERE e.area = :area AND e.completed_at >= :start AND e.completed_at < :end
                UNION ALL
                SELECT e.request_id, e.cancelled_at, 0, 0, 0, e.days
                  FROM engagement e WHERE e.area = :area AND e.cancelled_at >= :start AND e.cancelled_at < :end
            )
            """;

    /**
     * Days by month and area: each move's days shared between its request's areas ({@code area_count} of them); at the
     * top level an engagement counts once, on the first of its codes under each top ({@code top_first}).
     */
    private static String daysBy(String key, String counted) {
        return MOVES + """
            SELECT to_char(month, 'YYYY-MM'), area, top_code, engagements, commissioned, delivered, cancelled FROM (
                SELECT date_trunc('month', m.at AT TIME ZONE :zone) AS month, a.%1$s AS area, a.top_code,
                       count(*) FILTER (WHERE m.agreed = 1 AND %2$s) AS engagements,
                       sum(m.commissioned / a.area_count) AS commissioned,
                       sum(m.delivered / a.area_count) AS delivered,
                       sum(m.cancelled / a.area_count) AS cancelled
                  FROM moves m JOIN request_area a USING (request_id)
                 GROUP BY 1, 2, 3) g
             ORDER BY month, top_code COLLATE "C", area COLLATE "C"
            """.formatted(key, counted);
    }

    private static final NamedSql DAYS_DETAILED = new NamedSql(daysBy("code", "true"));
    private static final NamedSql DAYS_TOP = new NamedSql(daysBy("top_code", "a.top_first"));

    private static final NamedSql DAYS_TOTAL = new NamedSql("""
            SELECT count(*) FILTER (WHERE agreed_at >= :start AND agreed_at < :end),
                   sum(days) FILTER (WHERE agreed_at >= :start AND agreed_at < :end),
                   sum(days_delivered) FILTER (WHERE completed_at >= :start AND completed_at < :end),
                   sum(days) FILTER (WHERE cancelled_at >= :start AND cancelled_at < :end)
              FROM engagement
             WHERE area = :area AND ((agreed_at >= :start AND agreed_at < :end) OR (completed_at >= :start AND completed_at < :end)
                   OR (cancelled_at >= :start AND cancelled_at < :end))
            """);

    public List<AreaDays> days(String area, ReportPeriod period, AreaLevel level) {
        return list(
                level == AreaLevel.TOP ? DAYS_TOP : DAYS_DETAILED,
                scope(area, period),
                rs -> new AreaDays(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7)));
    }

    public DaysTotal daysTotal(String area, ReportPeriod period) {
        return list(
                        DAYS_TOTAL,
                        scope(area, period),
                        rs -> new DaysTotal(
                                rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .getFirst();
    }

    // ------------------------------------------------------------------ schools

    public record SchoolFigures(
            String urn,
            String name,
            String laCode,
            String laName,
            String phase,
            long engagements,
            BigDecimal commissioned,
            BigDecimal delivered,
            long creditsPosted) {}

    private static final NamedSql SCHOOLS_SUPPORTED = new NamedSql("""
            WITH supported AS (
                SELECT e.urn, max(r.school_name) AS school_name, count(*) AS engagements, sum(e.days) AS days,
                       sum(e.days_delivered) AS delivered, sum(e.credits_posted) AS posted
                  FROM engagement e JOIN request r USING (request_id)
                 WHERE e.area = :area AND e.agreed_at >= :start AND e.agreed_at < :end AND e.cancelled_at IS NULL
                 GROUP BY e.urn
            )
            SELECT u.urn, coalesce(s.name, u.school_name) AS name, s.la_code, s.la_name, s.phase, u.engagements, u.days,
                   u.delivered, u.posted
              FROM supported u LEFT JOIN school s ON s.urn = u.urn
             ORDER BY 2, 1
            """);

    public List<SchoolFigures> schoolsSupported(String area, ReportPeriod period) {
        return list(
                SCHOOLS_SUPPORTED,
                scope(area, period),
                rs -> new SchoolFigures(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8),
                        rs.getLong(9)));
    }

    // ------------------------------------------------------------------ providers

    /** Ratings as counts and sums, so that any grouping of them averages exactly. */
    public record Ratings(long schoolCount, long schoolSum, long impactCount, long impactSum) {
        public Ratings plus(Ratings o) {
            return new Ratings(
                    schoolCount + o.schoolCount,
                    schoolSum + o.schoolSum,
                    impactCount + o.impactCount,
                    impactSum + o.impactSum);
        }
    }

    public record ProviderFigures(
            String providerId,
            String name,
            String type,
            long engagements,
            BigDecimal commissioned,
            BigDecimal delivered,
            long creditsEarned,
            Ratings ratings) {}

    private static final NamedSql PROVIDERS = new NamedSql("""
            WITH agreed AS (
                SELECT provider_id, count(*) AS n, sum(days) AS days FROM engagement
                 WHERE area = :area AND agreed_at >= :start AND agreed_at < :end GROUP BY provider_id
            ), delivered AS (
                SELECT provider_id, sum(days_delivered) AS days FROM engagement
                 WHERE area = :area AND completed_at >= :start AND completed_at < :end GROUP BY provider_id
            ), earned AS (
                SELECT t.credit_owner AS provider_id, sum(%s) AS credits FROM ledger_transfer t
                 WHERE t.area = :area AND t.kind = 'PAYMENT' AND t.credit_owner <> %s
                   AND t.posted_at >= :start AND t.posted_at < :end GROUP BY t.credit_owner
            ), rated AS (
                SELECT provider_id,
                       count(*) FILTER (WHERE rating = 'SCHOOL') AS school_n, coalesce(sum(score) FILTER (WHERE rating = 'SCHOOL'), 0) AS school_sum,
                       count(*) FILTER (WHERE rating = 'IMPACT') AS impact_n, coalesce(sum(score) FILTER (WHERE rating = 'IMPACT'), 0) AS impact_sum
                  FROM evaluation WHERE area = :area AND rated_at >= :start AND rated_at < :end AND provider_id IS NOT NULL
                 GROUP BY provider_id
            ), ids AS (
                SELECT provider_id FROM agreed UNION SELECT provider_id FROM delivered
                UNION SELECT provider_id FROM earned UNION SELECT provider_id FROM rated
            )
            SELECT i.provider_id, coalesce(p.name, s.name) AS name,
                   coalesce(p.type, CASE WHEN s.urn IS NOT NULL THEN 'SCHOOL' END, 'UNKNOWN'),
                   coalesce(a.n, 0), coalesce(a.days, 0), coalesce(d.days, 0), coalesce(x.credits, 0),
                   coalesce(g.school_n, 0), coalesce(g.school_sum, 0), coalesce(g.impact_n, 0), coalesce(g.impact_sum, 0)
              FROM ids i LEFT JOIN provider p ON p.provider_id = i.provider_id LEFT JOIN school s ON s.urn = i.provider_id
                   LEFT JOIN agreed a ON a.provider_id = i.provider_id LEFT JOIN delivered d ON d.provider_id = i.provider_id
                   LEFT JOIN earned x ON x.provider_id = i.provider_id LEFT JOIN rated g ON g.provider_id = i.provider_id
             ORDER BY 2 NULLS LAST, 1
            """.formatted(MOVED, ISSUING));

    public List<ProviderFigures> providers(String area, ReportPeriod period) {
        return list(
                PROVIDERS,
                scope(area, period),
                rs -> new ProviderFigures(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getLong(7),
                        new Ratings(rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11))));
    }

    // ------------------------------------------------------------------ credits

    public record MonthCredits(
            String month,
            long allocated,
            long adjusted,
            long held,
            long released,
            long spent,
            long earned,
            long earnedBySchools) {}

    private static final NamedSql CREDITS = new NamedSql("""
            WITH t AS (
                SELECT t.*, %1$s AS moved FROM ledger_transfer t
                 WHERE t.area = :area AND ((t.posted_at >= :start AND t.posted_at < :end)
                       OR (t.created_at >= :start AND t.created_at < :end) OR (t.resolved_at >= :start AND t.resolved_at < :end))
            ), moves AS (
                SELECT date_trunc('month', posted_at AT TIME ZONE :zone) AS month,
                       CASE WHEN kind = 'ALLOCATION' THEN moved ELSE 0 END AS allocated,
                       CASE WHEN kind = 'ADJUSTMENT' THEN moved ELSE 0 END AS adjusted,
                       0 AS held, 0 AS released,
                       CASE WHEN kind = 'PAYMENT' AND debit_owner <> %2$s THEN moved ELSE 0 END AS spent,
                       CASE WHEN kind = 'PAYMENT' AND credit_owner <> %2$s THEN moved ELSE 0 END AS earned,
                       CASE WHEN kind = 'PAYMENT' AND credit_owner IN %3$s THEN moved ELSE 0 END AS earned_by_schools
                  FROM t WHERE posted_at >= :start AND posted_at < :end
                UNION ALL
                SELECT date_trunc('month', created_at AT TIME ZONE :zone), 0, 0, amount, 0, 0, 0, 0
                  FROM t WHERE two_phase AND created_at >= :start AND created_at < :end
                UNION ALL
                SELECT date_trunc('month', resolved_at AT TIME ZONE :zone), 0, 0, 0, amount - posted_amount, 0, 0, 0
                  FROM t WHERE two_phase AND state IN ('POSTED', 'VOIDED') AND resolved_at >= :start AND resolved_at < :end
            )
            SELECT to_char(month, 'YYYY-MM'), sum(allocated), sum(adjusted), sum(held), sum(released), sum(spent), sum(earned),
                   sum(earned_by_schools)
              FROM moves GROUP BY month ORDER BY month
            """.formatted(MOVED, ISSUING, SCHOOLS));

    public List<MonthCredits> credits(String area, ReportPeriod period) {
        return list(
                CREDITS,
                scope(area, period),
                rs -> new MonthCredits(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8)));
    }

    // ------------------------------------------------------------------ balances

    public record AccountBalance(
            String account,
            String owner,
            String name,
            String kind,
            long creditsIn,
            long creditsOut,
            long balance,
            long held) {}

    /** Each account's posted movements are summed first, then joined to the accounts and their names. */
    private static final NamedSql BALANCES = new NamedSql("""
            WITH accounts AS (
                SELECT account_id, owner FROM ledger_account WHERE area = :area AND NOT issuing
                UNION SELECT debit_account, debit_owner FROM ledger_transfer WHERE area = :area AND debit_owner <> %2$s
                UNION SELECT credit_account, credit_owner FROM ledger_transfer WHERE area = :area AND credit_owner <> %2$s
            ), moves AS (
                SELECT account, sum(amount) AS balance,
                       sum(amount) FILTER (WHERE amount > 0 AND posted_at >= :start) AS credits_in,
                       -sum(amount) FILTER (WHERE amount < 0 AND posted_at >= :start) AS credits_out
                  FROM (SELECT t.credit_account AS account, %1$s AS amount, t.posted_at FROM ledger_transfer t
                         WHERE t.area = :area AND t.posted_at < :end
                        UNION ALL
                        SELECT t.debit_account, -%1$s, t.posted_at FROM ledger_transfer t
                         WHERE t.area = :area AND t.posted_at < :end) x
                 GROUP BY account
            ), held AS (
                SELECT debit_account AS account, sum(amount) AS held FROM ledger_transfer
                 WHERE area = :area AND two_phase AND created_at < :end AND (resolved_at IS NULL OR resolved_at >= :end)
                 GROUP BY debit_account
            )
            SELECT a.account_id, a.owner, coalesce(s.name, p.name),
                   coalesce(CASE WHEN s.urn IS NOT NULL THEN 'SCHOOL' END, p.type, 'UNKNOWN'),
                   coalesce(m.credits_in, 0), coalesce(m.credits_out, 0), coalesce(m.balance, 0), coalesce(h.held, 0)
              FROM accounts a LEFT JOIN moves m ON m.account = a.account_id LEFT JOIN held h ON h.account = a.account_id
                   LEFT JOIN school s ON s.urn = a.owner LEFT JOIN provider p ON p.provider_id = a.owner
             ORDER BY 4, 3 NULLS LAST, 1
            """.formatted(MOVED, ISSUING));

    public List<AccountBalance> balances(String area, ReportPeriod period) {
        return list(
                BALANCES,
                scope(area, period),
                rs -> new AccountBalance(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8)));
    }

    // ------------------------------------------------------------------ service levels

    /** A month's figures; the period's total has {@code month} null. Hours are interpolated percentiles, null if none. */
    public record MonthService(
            String month,
            long raised,
            long matched,
            long agreed,
            long completed,
            long cancelled,
            long refused,
            Double medianToAgreement,
            Double p90ToAgreement,
            Double medianToCompletion,
            Double p90ToCompletion) {}

    private static final NamedSql SERVICE = new NamedSql("""
            WITH r AS (SELECT * FROM request WHERE area = :area),
            c AS (
                SELECT raised_at AS at, 'raised' AS what, NULL::float8 AS hours FROM r WHERE raised_at >= :start AND raised_at < :end
                UNION ALL SELECT first_proposed_at, 'matched', NULL FROM r WHERE first_proposed_at >= :start AND first_proposed_at < :end
                UNION ALL SELECT agreed_at, 'agreed', extract(epoch FROM agreed_at - raised_at)::float8 / 3600
                            FROM r WHERE agreed_at >= :start AND agreed_at < :end
                UNION ALL SELECT completed_at, 'completed', extract(epoch FROM completed_at - raised_at)::float8 / 3600
                            FROM r WHERE completed_at >= :start AND completed_at < :end
                UNION ALL SELECT closed_at, 'cancelled', NULL FROM r WHERE closed_at >= :start AND closed_at < :end
                UNION ALL SELECT occurred_at, 'refused', NULL FROM brokerage_event
                           WHERE area = :area AND type = 'brokerage.engagement.hold-refused' AND occurred_at >= :start AND occurred_at < :end
            ), m AS (SELECT date_trunc('month', at AT TIME ZONE :zone) AS month, what, hours FROM c)
            SELECT to_char(month, 'YYYY-MM'), count(*) FILTER (WHERE what = 'raised'), count(*) FILTER (WHERE what = 'matched'),
                   count(*) FILTER (WHERE what = 'agreed'), count(*) FILTER (WHERE what = 'completed'),
                   count(*) FILTER (WHERE what = 'cancelled'), count(*) FILTER (WHERE what = 'refused'),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FILTER (WHERE what = 'agreed'),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FILTER (WHERE what = 'agreed'),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FILTER (WHERE what = 'completed'),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FILTER (WHERE what = 'completed')
              FROM m GROUP BY GROUPING SETS ((month), ()) ORDER BY month NULLS LAST
            """);

    /** The months with any activity, then the period's total (always present). */
    public List<MonthService> serviceLevels(String area, ReportPeriod period) {
        return list(
                SERVICE,
                scope(area, period),
                rs -> new MonthService(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        dbl(rs, 8),
                        dbl(rs, 9),
                        dbl(rs, 10),
                        dbl(rs, 11)));
    }

    // ------------------------------------------------------------------ waiting

    public record Waiting(
            String requestId,
            String urn,
            String schoolName,
            String urgency,
            Instant raisedAt,
            Instant firstProposedAt,
            BigDecimal daysWaiting) {}

    private static final NamedSql WAITING = new NamedSql("""
            SELECT request_id, urn, school_name, urgency, raised_at,
                   CASE WHEN first_proposed_at <= :at THEN first_proposed_at END,
                   extract(epoch FROM CAST(:at AS timestamptz) - raised_at) / 86400
              FROM request
             WHERE area = :area AND raised_at >= :start AND raised_at <= :cutoff
               AND (agreed_at IS NULL OR agreed_at > :at) AND (closed_at IS NULL OR closed_at > :at)
             ORDER BY raised_at, request_id
            """);

    /** Requests raised from the period's start to {@code cutoff} that at {@code at} were neither agreed nor closed. */
    public List<Waiting> waiting(String area, ReportPeriod period, Instant at, Instant cutoff) {
        Map<String, Object> values = scope(area, period);
        values.put("at", at);
        values.put("cutoff", cutoff);
        return list(
                WAITING,
                values,
                rs -> new Waiting(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs, 5),
                        instant(rs, 6),
                        rs.getBigDecimal(7)));
    }

    // ------------------------------------------------------------------ impact

    public record KeyedRatings(String key, String label, Ratings ratings) {}

    private static final String RATED = "v.area = :area AND v.rated_at >= :start AND v.rated_at < :end";
    private static final String RATING_SUMS = """
            count(*) FILTER (WHERE rating = 'SCHOOL'), coalesce(sum(score) FILTER (WHERE rating = 'SCHOOL'), 0),
            count(*) FILTER (WHERE rating = 'IMPACT'), coalesce(sum(score) FILTER (WHERE rating = 'IMPACT'), 0)""";

    /** A rating counts once under each area of its request: once under a top level however many of its codes share it. */
    private static String ratingsBy(String key, String counted) {
        return """
            SELECT a.%1$s, NULL, %2$s
              FROM evaluation v JOIN request_area a USING (request_id) WHERE %3$s AND %4$s
             GROUP BY a.%1$s ORDER BY a.%1$s COLLATE "C"
            """.formatted(key, RATING_SUMS, RATED, counted);
    }

    private static final NamedSql IMPACT_DETAILED = new NamedSql(ratingsBy("code", "true"));
    private static final NamedSql IMPACT_TOP = new NamedSql(ratingsBy("top_code", "a.top_first"));

    private static final NamedSql IMPACT_PROVIDER = new NamedSql("""
            SELECT v.provider_id, coalesce(max(p.name), max(s.name)), %s
              FROM evaluation v LEFT JOIN provider p ON p.provider_id = v.provider_id LEFT JOIN school s ON s.urn = v.provider_id
             WHERE %s AND v.provider_id IS NOT NULL
             GROUP BY v.provider_id ORDER BY 2 NULLS LAST, 1
            """.formatted(RATING_SUMS, RATED));

    private static final NamedSql IMPACT_TOTAL =
            new NamedSql("SELECT NULL, NULL, %s FROM evaluation v WHERE %s".formatted(RATING_SUMS, RATED));

    public List<KeyedRatings> ratingsByArea(String area, ReportPeriod period, AreaLevel level) {
        return list(level == AreaLevel.TOP ? IMPACT_TOP : IMPACT_DETAILED, scope(area, period), ReportQueries::keyed);
    }

    public List<KeyedRatings> ratingsByProvider(String area, ReportPeriod period) {
        return list(IMPACT_PROVIDER, scope(area, period), ReportQueries::keyed);
    }

    public Ratings ratingsTotal(String area, ReportPeriod period) {
        return list(IMPACT_TOTAL, scope(area, period), ReportQueries::keyed)
                .getFirst()
                .ratings();
    }

    private static KeyedRatings keyed(ResultSet rs) throws SQLException {
        return new KeyedRatings(
                rs.getString(1),
                rs.getString(2),
                new Ratings(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
    }

    // ------------------------------------------------------------------ plumbing

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static Map<String, Object> scope(String area, ReportPeriod period) {
        Map<String, Object> values = new HashMap<>();
        values.put("area", area);
        values.put("start", period.start());
        values.put("end", period.end());
        values.put("zone", period.zone().getId());
        return values;
    }

    private <T> List<T> list(NamedSql sql, Map<String, Object> values, RowReader<T> reader) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = sql.prepare(status.getConnection(), values);
                    ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        });
    }

    private static Double dbl(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
