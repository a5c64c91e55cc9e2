package uk.sse.reporting.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.sse.contracts.Fields;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.kernel.events.EventEnvelope;

/**
 * A request's rows as a function of the set of its events (docs/events.md, brokerage): the same set gives the same rows
 * whatever order the events came in and however often each came. Each event is one transition, numbered by the version
 * it made; the highest version says where the request stands, and each kind of event contributes what it alone says
 * (the raise its time and wishes, the agreement its time, and so on). Hold refusals and reconciliation's repairs
 * change nothing the reports count.
 */
public final class RequestHistory {

    public static final String PREFIX = "brokerage.";
    public static final String HOLD_REFUSED = BrokerageEvent.HOLD_REFUSED;
    /** The brokerage's reconciliation with the ledger: what it repaired changes nothing the reports count. */
    public static final String RECONCILIATION = "brokerage.reconciliation.";

    private RequestHistory() {}

    /** {@code data.requestId}, else the part of the event id before its first {@code /} ({@code <requestId>/<version>...}). */
    public static String requestIdOf(EventEnvelope e) {
        try {
            return requestOf(e).requestId();
        } catch (Fields.Unreadable unreadable) {
            int slash = e.id().indexOf('/');
            return slash > 0 ? e.id().substring(0, slash) : null;
        }
    }

    /** The version the event made, or null if it cannot be read. */
    public static Long versionOf(EventEnvelope e) {
        try {
            return requestOf(e).version();
        } catch (Fields.Unreadable unreadable) {
            return null;
        }
    }

    /**
     * Why a brokerage event cannot be applied, or empty when it can: it must meet its contract ({@link BrokerageEvent}),
     * or, for a type newer than this reader, say what every brokerage event says of its request.
     */
    public static Optional<String> defectOf(EventEnvelope e) {
        if (!e.type().startsWith(PREFIX)) {
            return Optional.of("not a brokerage event: " + e.type());
        }
        try {
            requestOf(e);
            read(e);
            return Optional.empty();
        } catch (Fields.Unreadable unreadable) {
            return Optional.of(unreadable.getMessage());
        }
    }

    private static BrokerageEvent.Request requestOf(EventEnvelope e) {
        return BrokerageEvent.requestOf(e.type(), e.data());
    }

    private static Optional<BrokerageEvent> read(EventEnvelope e) {
        return BrokerageEvent.read(e.type(), e.occurredAt(), e.area(), e.data());
    }

    /**
     * The rows of the request these events belong to, or empty if none of them is a transition (only hold refusals,
     * or nothing). Events that {@link #defectOf} refuses are skipped.
     */
    public static Optional<RequestRows> project(Collection<EventEnvelope> events) {
        Map<String, EventEnvelope> byId =
                new java.util.TreeMap<>(); // a repeat of an id is the same event: the set counts
        events.stream()
                .filter(e -> defectOf(e).isEmpty()
                        && !HOLD_REFUSED.equals(e.type())
                        && !e.type().startsWith(RECONCILIATION))
                .forEach(e -> byId.putIfAbsent(e.id(), e));
        List<EventEnvelope> transitions = byId.values().stream()
                .sorted(Comparator.comparingLong((EventEnvelope e) -> versionOf(e))
                        .thenComparing(EventEnvelope::id))
                .toList();
        if (transitions.isEmpty()) {
            return Optional.empty();
        }
        EventEnvelope latest = transitions.getLast();
        BrokerageEvent.Request now = requestOf(latest);
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
        BrokerageEvent.Engagement engagement = null;
        Map<String, RequestRows.Rating> ratings = new java.util.LinkedHashMap<>(); // one of each kind, the latest given
        for (EventEnvelope e : transitions) {
            BrokerageEvent.Request request = requestOf(e);
            if (request.schoolName() != null) {
                schoolName = request.schoolName();
            }
            Optional<BrokerageEvent> read = read(e);
            BrokerageEvent.Engagement moved =
                    read.flatMap(BrokerageEvent::engagementIfAny).orElse(null);
            if (moved != null) {
                engagement = moved;
            }
            switch (read.orElse(null)) {
                case BrokerageEvent.RequestCreated c -> {
                    raisedAt = e.occurredAt();
                    daysWanted = BigDecimal.valueOf(c.daysWanted());
                    creditsCommitted = c.credits();
                }
                case BrokerageEvent.RequestProposed p -> {
                    proposals += p.proposals().size();
                    firstProposedAt = firstProposedAt == null ? e.occurredAt() : firstProposedAt;
                }
                case BrokerageEvent.EngagementAgreed a -> agreedAt = e.occurredAt();
                case BrokerageEvent.EngagementStarted s -> startedAt = e.occurredAt();
                case BrokerageEvent.EngagementCompleted c -> completedAt = e.occurredAt();
                case BrokerageEvent.Closed c -> {
                    closedAt = e.occurredAt();
                    closedAs = request.to();
                }
                case BrokerageEvent.EngagementEvaluated v ->
                    rating(v, e.occurredAt()).ifPresent(r -> ratings.put(r.rating(), r));
                case null,
                        default -> {} // a type this read model does not count yet: its status still shows through `to`
            }
        }
        List<RequestRows.Area> areas = new ArrayList<>();
        for (String code : new LinkedHashSet<>(now.areasOfSupport())) {
            areas.add(new RequestRows.Area(code, AreasOfSupport.topOf(code)));
        }
        if (areas.isEmpty()) {
            areas.add(new RequestRows.Area(UNSPECIFIED, UNSPECIFIED)); // every request's days belong to some area
        }
        RequestRows.Request request = new RequestRows.Request(
                now.requestId(),
                latest.area(),
                now.urn(),
                schoolName,
                now.urgency(),
                now.to(),
                now.version(),
                daysWanted,
                creditsCommitted,
                proposals,
                raisedAt,
                firstProposedAt,
                agreedAt,
                completedAt,
                closedAt,
                closedAs);
        RequestRows.Engagement agreed = engagement == null
                ? null
                : engagement(engagement, agreedAt, startedAt, completedAt, closedAt, closedAs);
        return Optional.of(new RequestRows(request, areas, agreed, List.copyOf(ratings.values())));
    }

    /** The area under which a request that names none is counted. */
    public static final String UNSPECIFIED = "UNSPECIFIED";

    private static RequestRows.Engagement engagement(
            BrokerageEvent.Engagement e,
            Instant agreedAt,
            Instant startedAt,
            Instant completedAt,
            Instant closedAt,
            String closedAs) {
        return new RequestRows.Engagement(
                e.engagementId(),
                e.providerId(),
                e.offerId(),
                BigDecimal.valueOf(e.days()),
                e.credits(),
                e.hold(),
                BigDecimal.valueOf(e.daysDelivered()),
                e.creditsPosted(),
                agreedAt,
                startedAt,
                completedAt,
                closedAt,
                closedAs);
    }

    private static Optional<RequestRows.Rating> rating(BrokerageEvent.EngagementEvaluated v, Instant at) {
        if (v.score() < 1 || v.score() > 5) {
            return Optional.empty();
        }
        return Optional.of(
                new RequestRows.Rating(v.rating(), v.score(), at, v.engagementId(), v.providerId(), v.offerId()));
    }
}
