package uk.sse.reporting.storage;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventJson;
import uk.sse.reporting.model.Change;
import uk.sse.reporting.model.RequestHistory;
import uk.sse.reporting.model.RequestRows;

/**
 * Writes a batch of changes into the read model in one schema, on the caller's connection and transaction. Every write
 * converges, so a batch may be written again, in part or whole, in any order with others:
 * <ul>
 *   <li>brokerage events go into the event log once ({@code ON CONFLICT DO NOTHING} on the id); the requests that gained
 *       an event are locked, read back whole and their rows rewritten from {@link RequestHistory#project};</li>
 *   <li>offers, providers, schools, accounts and transfers are upserts that only ever move forward (higher version,
 *       newer observation, more resolved state).</li>
 * </ul>
 */
@Singleton
public class ReadModelWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelWriter.class);

    private final EventJson json;

    public ReadModelWriter(EventJson json) {
        this.json = json;
    }

    public void write(Connection c, SchemaName s, ChangeBatch batch) throws SQLException {
        if (!batch.brokerage().isEmpty()) {
            brokerage(c, s, batch.brokerage());
        }
        if (!batch.offers().isEmpty()) {
            offers(c, s, batch.offers());
            providers(c, s, batch.offers());
        }
        if (!batch.schools().isEmpty()) {
            schools(c, s, batch.schools());
        }
        if (!batch.accounts().isEmpty()) {
            accounts(c, s, batch.accounts());
        }
        if (!batch.transfers().isEmpty()) {
            transfers(c, s, batch.transfers());
        }
    }

    // ------------------------------------------------------------------ brokerage

    private void brokerage(Connection c, SchemaName s, List<Change.BrokerageEvent> events) throws SQLException {
        Set<String> touched = new TreeSet<>();
        events.forEach(e -> touched.add(e.requestId()));
        lock(c, touched);
        Set<String> changed = new LinkedHashSet<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + s.table("brokerage_event")
                + " AS e (event_id, request_id, version, type, area, occurred_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)"
                // a repeat changes nothing; an erasure's rewrite replaces the envelope (and a replayed original never
                // undoes it)
                + " ON CONFLICT (event_id) DO UPDATE SET envelope = excluded.envelope"
                + " WHERE ?::boolean AND e.envelope IS DISTINCT FROM excluded.envelope")) {
            for (Change.BrokerageEvent b : events) {
                EventEnvelope e = b.event();
                insert.setString(1, e.id());
                insert.setString(2, b.requestId());
                insert.setLong(3, RequestHistory.versionOf(e));
                insert.setString(4, e.type());
                insert.setString(5, e.area());
                insert.setObject(6, time(e.occurredAt()));
                insert.setString(7, b.json());
                insert.setBoolean(8, b.rewritten());
                insert.addBatch();
            }
            int[] inserted = insert.executeBatch();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] != 0) { // 1, or SUCCESS_NO_INFO: either way not a repeat
                    changed.add(events.get(i).requestId());
                }
            }
        }
        if (changed.isEmpty()) {
            return; // every event was applied before: nothing to recompute
        }
        Map<String, List<EventEnvelope>> histories = histories(c, s, changed);
        List<RequestRows> rows = new ArrayList<>();
        for (List<EventEnvelope> history : histories.values()) {
            RequestHistory.project(history).ifPresent(rows::add);
        }
        rewrite(c, s, changed, rows);
    }

    /**
     * Requests are recomputed from what the log holds when the lock is taken, so two writers of one request (the stream
     * and a rebuild, or two overlapping deliveries) take turns; sorted, so they never wait on each other in a circle.
     */
    private static void lock(Connection c, Set<String> requestIds) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(k) FROM"
                + " (SELECT DISTINCT hashtextextended(id, 0) AS k FROM unnest(?::text[]) AS id ORDER BY k) AS keys")) {
            lock.setArray(1, c.createArrayOf("text", requestIds.toArray()));
            lock.executeQuery().close();
        }
    }

    private Map<String, List<EventEnvelope>> histories(Connection c, SchemaName s, Set<String> requestIds)
            throws SQLException {
        Map<String, List<EventEnvelope>> histories = new LinkedHashMap<>();
        try (PreparedStatement read = c.prepareStatement("SELECT request_id, envelope::text FROM "
                + s.table("brokerage_event") + " WHERE request_id = ANY(?)")) {
            read.setArray(1, c.createArrayOf("text", requestIds.toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    Optional<EventEnvelope> e = json.read(rs.getString(2));
                    if (e.isEmpty()) {
                        LOG.error(
                                "the event log of request {} holds an envelope that cannot be read; it is left out",
                                rs.getString(1));
                        continue;
                    }
                    histories
                            .computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(e.get());
                }
            }
        }
        return histories;
    }

    private static void rewrite(Connection c, SchemaName s, Set<String> requestIds, List<RequestRows> rows)
            throws SQLException {
        try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM " + s.table("request") + " WHERE request_id = ANY(?)")) {
            delete.setArray(1, c.createArrayOf("text", requestIds.toArray()));
            delete.executeUpdate(); // its areas, engagement and ratings go with it
        }
        try (PreparedStatement request = c.prepareStatement("INSERT INTO " + s.table("request")
                        + " (request_id, area, urn, school_name, urgency, status, version, area_count, days_wanted, credits_committed,"
                        + " proposals, raised_at, first_proposed_at, agreed_at, completed_at, closed_at, closed_as)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement area = c.prepareStatement("INSERT INTO " + s.table("request_area")
                        + " (request_id, code, top_code, area_count, top_first) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement engagement = c.prepareStatement("INSERT INTO " + s.table("engagement")
                        + " (engagement_id, request_id, area, urn, provider_id, offer_id, days, credits, hold, days_delivered,"
                        + " credits_posted, agreed_at, started_at, completed_at, cancelled_at, cancelled_as)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement rating = c.prepareStatement("INSERT INTO " + s.table("evaluation")
                        + " (request_id, rating, score, rated_at, area, engagement_id, provider_id, offer_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RequestRows r : rows) {
                RequestRows.Request q = r.request();
                request.setString(1, q.requestId());
                request.setString(2, q.area());
                request.setString(3, q.urn());
                request.setString(4, q.schoolName());
                request.setString(5, q.urgency());
                request.setString(6, q.status());
                request.setLong(7, q.version());
                request.setInt(8, r.areas().size());
                request.setBigDecimal(9, q.daysWanted());
                setLong(request, 10, q.creditsCommitted());
                request.setInt(11, q.proposals());
                setTime(request, 12, q.raisedAt());
                setTime(request, 13, q.firstProposedAt());
                setTime(request, 14, q.agreedAt());
                setTime(request, 15, q.completedAt());
                setTime(request, 16, q.closedAt());
                request.setString(17, q.closedAs());
                request.addBatch();
                java.util.Set<String> tops = new java.util.HashSet<>();
                for (RequestRows.Area a : r.areas()) {
                    area.setString(1, q.requestId());
                    area.setString(2, a.code());
                    area.setString(3, a.topCode());
                    area.setInt(4, r.areas().size());
                    area.setBoolean(5, tops.add(a.topCode()));
                    area.addBatch();
                }
                RequestRows.Engagement e = r.engagement();
                if (e != null) {
                    engagement.setString(1, e.engagementId());
                    engagement.setString(2, q.requestId());
                    engagement.setString(3, q.area());
                    engagement.setString(4, q.urn());
                    engagement.setString(5, e.providerId());
                    engagement.setString(6, e.offerId());
                    engagement.setBigDecimal(7, e.days());
                    engagement.setLong(8, e.credits());
                    engagement.setString(9, e.hold() == null ? "UNKNOWN" : e.hold());
                    engagement.setBigDecimal(10, e.daysDelivered());
                    engagement.setLong(11, e.creditsPosted());
                    setTime(engagement, 12, e.agreedAt());
                    setTime(engagement, 13, e.startedAt());
                    setTime(engagement, 14, e.completedAt());
                    setTime(engagement, 15, e.cancelledAt());
                    engagement.setString(16, e.cancelledAs());
                    engagement.addBatch();
                }
                for (RequestRows.Rating g : r.ratings()) {
                    rating.setString(1, q.requestId());
                    rating.setString(2, g.rating());
                    rating.setInt(3, g.score());
                    rating.setObject(4, time(g.ratedAt()));
                    rating.setString(5, q.area());
                    rating.setString(6, g.engagementId());
                    rating.setString(7, g.providerId());
                    rating.setString(8, g.offerId());
                    rating.addBatch();
                }
            }
            request.executeBatch();
            area.executeBatch();
            engagement.executeBatch();
            rating.executeBatch();
        }
    }

    // ------------------------------------------------------------------ directory

    private static void offers(Connection c, SchemaName s, List<Change.OfferVersion> offers) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO " + s.table("offer")
                        + " AS o (offer_id, provider_id, area, title, status, areas, price_credits, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (offer_id) DO UPDATE SET provider_id = excluded.provider_id, area = excluded.area,"
                        + " title = excluded.title, status = excluded.status, areas = excluded.areas,"
                        + " price_credits = excluded.price_credits, version = excluded.version WHERE excluded.version > o.version")) {
            for (Change.OfferVersion o : offers) {
                upsert.setString(1, o.offerId());
                upsert.setString(2, o.providerId());
                upsert.setString(3, o.area());
                upsert.setString(4, o.title());
                upsert.setString(5, o.status());
                upsert.setArray(6, c.createArrayOf("text", o.areasOfSupport().toArray()));
                setLong(upsert, 7, o.priceCredits());
                upsert.setLong(8, o.version());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void providers(Connection c, SchemaName s, List<Change.OfferVersion> offers) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + s.table("provider")
                + " AS p (provider_id, name, type, area, observed_at, observed_in) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (provider_id) DO UPDATE SET name = excluded.name, type = excluded.type, area = excluded.area,"
                + " observed_at = excluded.observed_at, observed_in = excluded.observed_in"
                + " WHERE (excluded.observed_at, excluded.observed_in) > (p.observed_at, p.observed_in)")) {
            for (Change.OfferVersion o : offers) {
                upsert.setString(1, o.providerId());
                upsert.setString(2, o.providerName());
                upsert.setString(3, o.providerType());
                upsert.setString(4, o.area());
                upsert.setObject(5, time(o.occurredAt()));
                upsert.setString(6, o.eventId());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The newest observation wins; two at the same instant are ordered by their content, so either order ends alike. */
    private static void schools(Connection c, SchemaName s, List<Change.SchoolProfile> schools) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + s.table("school")
                + " AS k (urn, name, la_code, la_name, phase, observed_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (urn) DO UPDATE SET name = excluded.name, la_code = excluded.la_code, la_name = excluded.la_name,"
                + " phase = excluded.phase, observed_at = excluded.observed_at"
                + " WHERE (excluded.observed_at, excluded.name, coalesce(excluded.la_code, ''), coalesce(excluded.la_name, ''),"
                + " coalesce(excluded.phase, '')) > (k.observed_at, k.name, coalesce(k.la_code, ''), coalesce(k.la_name, ''),"
                + " coalesce(k.phase, ''))")) {
            for (Change.SchoolProfile k : schools) {
                upsert.setString(1, k.urn());
                upsert.setString(2, k.name());
                upsert.setString(3, k.laCode());
                upsert.setString(4, k.laName());
                upsert.setString(5, k.phase());
                upsert.setObject(6, time(k.observedAt()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    // ------------------------------------------------------------------ ledger

    private static void accounts(Connection c, SchemaName s, List<Change.LedgerAccount> accounts) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + s.table("ledger_account")
                + " (account_id, area, owner, issuing) VALUES (?, ?, ?, ?) ON CONFLICT (account_id) DO NOTHING")) {
            for (Change.LedgerAccount a : accounts) {
                insert.setString(1, a.accountId());
                insert.setString(2, a.area());
                insert.setString(3, a.owner());
                insert.setBoolean(4, a.issuing());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void transfers(Connection c, SchemaName s, List<Change.LedgerTransfer> transfers)
            throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + s.table("ledger_transfer")
                + " AS t (transfer_id, area, debit_account, credit_account, debit_owner, credit_owner, kind, two_phase, state,"
                + " state_rank, amount, posted_amount, created_at, resolved_at, posted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                // a resolution may come before the creation (a rebuild's scan meets the stream): each fills its part
                + " ON CONFLICT (transfer_id) DO UPDATE SET created_at = coalesce(t.created_at, excluded.created_at),"
                + " state = " + ifMoreResolved("state") + ", posted_amount = " + ifMoreResolved("posted_amount") + ","
                + " resolved_at = " + ifMoreResolved("resolved_at") + ", posted_at = " + ifMoreResolved("posted_at")
                + ","
                + " state_rank = greatest(t.state_rank, excluded.state_rank)"
                + " WHERE excluded.state_rank > t.state_rank OR t.created_at IS NULL")) {
            for (Change.LedgerTransfer t : transfers) {
                upsert.setString(1, t.transferId());
                upsert.setString(2, t.area());
                upsert.setString(3, t.debitAccount());
                upsert.setString(4, t.creditAccount());
                upsert.setString(5, Change.LedgerTransfer.ownerOf(t.debitAccount()));
                upsert.setString(6, Change.LedgerTransfer.ownerOf(t.creditAccount()));
                upsert.setString(7, t.kind());
                upsert.setBoolean(8, t.pending());
                upsert.setString(9, t.state());
                upsert.setInt(10, t.rank());
                upsert.setLong(11, t.amount());
                upsert.setLong(12, t.postedAmount());
                setTime(upsert, 13, t.createdAt());
                setTime(upsert, 14, t.resolvedAt());
                setTime(upsert, 15, t.postedAt());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static String ifMoreResolved(String column) {
        return "CASE WHEN excluded.state_rank > t.state_rank THEN excluded." + column + " ELSE t." + column + " END";
    }

    // ------------------------------------------------------------------ values

    static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static void setTime(PreparedStatement ps, int i, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, time(at));
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }
}
