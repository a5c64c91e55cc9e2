package uk.sse.reporting.model;

import uk.sse.kernel.events.EventEnvelope;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's rows as a function of the set of its events (docs/events.md, brokerage): the same set gives the same rows
 * whatever order the events came in and however often each came. Each event is one transition, numbered by the version
 * it made; the highest version says where the request stands, and each kind of event contributes what it alone says
 * (the raise its time and wishes, the agreement its time, and so on). Hold refusals and reconciliation's repairs
 * change nothing the reports count.
 */
public final class RequestHistory {

    public static final String PREFIX = "brokerage.";
    public static final String CREATED = "brokerage.request.created";
    public static final String PROPOSED = "brokerage.request.proposed";
    public static final String AGREED = "brokerage.engagement.agreed";
    public static final String STARTED = "brokerage.engagement.started";
    public static final String COMPLETED = "brokerage.engagement.completed";
    public static final String EVALUATED = "brokerage.engagement.evaluated";
    public static final String CANCELLED = "brokerage.request.cancelled";
    public static final String WITHDRAWN = "brokerage.request.withdrawn";
    public static final String HOLD_REFUSED = "brokerage.engagement.hold-refused";
    /** The brokerage's reconciliation with the ledger: what it repaired changes nothing the reports count. */
    public static final String RECONCILIATION = "brokerage.reconciliation.";

    private RequestHistory() { }

    /** {@code data.requestId}, else the part of the event id before its first {@code /} ({@code <requestId>/<version>...}). */
    public static String requestIdOf(EventEnvelope e) {
        String id = EventData.text(e.data(), "requestId");
        if (id != null && !id.isBlank()) {
            return id;
        }
        int slash = e.id().indexOf('/');
        return slash > 0 ? e.id().substring(0, slash) : null;
    }

    /** The version the event made, or null if it carries none. */
    public static Long versionOf(EventEnvelope e) {
        return EventData.whole(e.data(), "version");
    }

    /** Why a brokerage event cannot be applied, or empty when it can: every one needs a request id, a version and a URN. */
    public static Optional<String> defectOf(EventEnvelope e) {
        if (!e.type().startsWith(PREFIX)) {
            return Optional.of("not a brokerage event: " + e.type());
        }
        if (requestIdOf(e) == null) {
            return Optional.of("no requestId");
        }
        if (versionOf(e) == null) {
            return Optional.of("no whole version");
        }
        if (!HOLD_REFUSED.equals(e.type()) && (EventData.text(e.data(), "urn") == null || EventData.text(e.data(), "to") == null)) {
            return Optional.of("no urn or status");
        }
        return Optional.empty();
    }

    /**
     * The rows of the request these events belong to, or empty if none of them is a transition (only hold refusals,
     * or nothing). Events that {@link #defectOf} refuses are skipped.
     */
    public static Optional<RequestRows> project(Collection<EventEnvelope> events) {
        Map<String, EventEnvelope> byId = new java.util.TreeMap<>(); // a repeat of an id is the same event: the set counts
        events.stream().filter(e -> defectOf(e).isEmpty() && !HOLD_REFUSED.equals(e.type()) && !e.type().startsWith(RECONCILIATION))
                .forEach(e -> byId.putIfAbsent(e.id(), e));
        List<EventEnvelope> transitions = byId.values().stream()
                .sorted(Comparator.comparingLong((EventEnvelope e) -> versionOf(e)).thenComparing(EventEnvelope::id))
                .toList();
        if (transitions.isEmpty()) {
            return Optional.empty();
        }
        EventEnvelope latest = transitions.getLast();
        Map<String, Object> now = latest.data();
        String schoolName = null;
        BigDecimal daysWanted = null;
        Long creditsCommitted = null;
        int proposals = 0;
        Instant raisedAt = null;
        Instant firstProposedAt = null;
        Instant agreedAt = null;
        Instant completedAt = null;
        Instant closedAt = null;
        String closedAs = null;
        Instant startedAt = null;
        Map<String, Object> engagement = null;
        Map<String, RequestRows.Rating> ratings = new java.util.LinkedHashMap<>(); // one of each kind, the latest given
        for (EventEnvelope e : transitions) {
            Map<String, Object> d = e.data();
            if (EventData.text(d, "schoolName") != null) {
                schoolName = EventData.text(d, "schoolName");
            }
            if (EventData.map(d, "engagement") != null) {
                engagement = EventData.map(d, "engagement");
            }
            switch (e.type()) {
                case CREATED -> {
                    raisedAt = e.occurredAt();
                    daysWanted = EventData.decimal(d, "daysWanted");
                    creditsCommitted = EventData.whole(d, "credits");
                }
                case PROPOSED -> {
                    proposals += EventData.maps(d, "proposals").size();
                    firstProposedAt = firstProposedAt == null ? e.occurredAt() : firstProposedAt;
                }
                case AGREED -> agreedAt = e.occurredAt();
                case STARTED -> startedAt = e.occurredAt();
                case COMPLETED -> completedAt = e.occurredAt();
                case CANCELLED, WITHDRAWN -> {
                    closedAt = e.occurredAt();
                    closedAs = EventData.text(d, "to");
                }
                case EVALUATED -> rating(d, e.occurredAt()).ifPresent(r -> ratings.put(r.rating(), r));
                default -> { } // a type this read model does not count yet: its status still shows through `to`
            }
        }
        List<RequestRows.Area> areas = new ArrayList<>();
        for (String code : new LinkedHashSet<>(EventData.texts(now, "areasOfSupport"))) {
            areas.add(new RequestRows.Area(code, AreasOfSupport.topOf(code)));
        }
        if (areas.isEmpty()) {
            areas.add(new RequestRows.Area(UNSPECIFIED, UNSPECIFIED)); // every request's days belong to some area
        }
        RequestRows.Request request = new RequestRows.Request(requestIdOf(latest), latest.area(), EventData.text(now, "urn"),
                schoolName, EventData.text(now, "urgency"), EventData.text(now, "to"), versionOf(latest), daysWanted,
                creditsCommitted, proposals, raisedAt, firstProposedAt, agreedAt, completedAt, closedAt, closedAs);
        boolean known = engagement != null && EventData.text(engagement, "engagementId") != null
                && EventData.text(engagement, "providerId") != null;
        RequestRows.Engagement agreed = known ? engagement(engagement, agreedAt, startedAt, completedAt, closedAt, closedAs) : null;
        return Optional.of(new RequestRows(request, areas, agreed, List.copyOf(ratings.values())));
    }

    /** The area under which a request that names none is counted. */
    public static final String UNSPECIFIED = "UNSPECIFIED";

    private static RequestRows.Engagement engagement(Map<String, Object> e, Instant agreedAt, Instant startedAt,
                                                     Instant completedAt, Instant closedAt, String closedAs) {
        BigDecimal delivered = EventData.decimal(e, "daysDelivered");
        Long posted = EventData.whole(e, "creditsPosted");
        Long credits = EventData.whole(e, "credits");
        BigDecimal days = EventData.decimal(e, "days");
        return new RequestRows.Engagement(EventData.text(e, "engagementId"), EventData.text(e, "providerId"),
                EventData.text(e, "offerId"), days == null ? BigDecimal.ZERO : days, credits == null ? 0 : credits,
                EventData.text(e, "hold"), delivered == null ? BigDecimal.ZERO : delivered, posted == null ? 0 : posted,
                agreedAt, startedAt, completedAt, closedAt, closedAs);
    }

    private static Optional<RequestRows.Rating> rating(Map<String, Object> d, Instant at) {
        String rating = EventData.text(d, "rating");
        Long score = EventData.whole(d, "score");
        if (rating == null || score == null || score < 1 || score > 5) {
            return Optional.empty();
        }
        return Optional.of(new RequestRows.Rating(rating, score.intValue(), at, EventData.text(d, "engagementId"),
                EventData.text(d, "providerId"), EventData.text(d, "offerId")));
    }
}
