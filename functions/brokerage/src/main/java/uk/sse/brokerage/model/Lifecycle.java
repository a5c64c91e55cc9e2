package uk.sse.brokerage.model;

import static uk.sse.brokerage.model.RequestStatus.ACCEPTED;
import static uk.sse.brokerage.model.RequestStatus.AGREED;
import static uk.sse.brokerage.model.RequestStatus.CANCELLED;
import static uk.sse.brokerage.model.RequestStatus.COMPLETED;
import static uk.sse.brokerage.model.RequestStatus.EVALUATED;
import static uk.sse.brokerage.model.RequestStatus.IN_DELIVERY;
import static uk.sse.brokerage.model.RequestStatus.OPEN;
import static uk.sse.brokerage.model.RequestStatus.PROPOSED;
import static uk.sse.brokerage.model.RequestStatus.WITHDRAWN;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The request's state machine, as data. Every edge an applied command may take:
 * <pre>
 *   (none)      RAISE           OPEN
 *   OPEN        PROPOSE         PROPOSED
 *   PROPOSED    PROPOSE         PROPOSED      more offers proposed
 *   PROPOSED    ACCEPT          ACCEPTED
 *   ACCEPTED    ACCEPT          ACCEPTED      another provider accepts too
 *   PROPOSED    DECLINE         PROPOSED      other proposals are still open
 *   PROPOSED    DECLINE         OPEN          the last open proposal declined: back to the queue
 *   ACCEPTED    DECLINE         ACCEPTED      a still-open proposal declined; one is accepted
 *   ACCEPTED    AGREE           AGREED        the hold is placed
 *   AGREED      START_DELIVERY  IN_DELIVERY
 *   IN_DELIVERY COMPLETE        COMPLETED     the hold is posted (in part or full) or, if nothing is due, voided
 *   COMPLETED   EVALUATE        COMPLETED     one of the two ratings given
 *   COMPLETED   EVALUATE        EVALUATED     the second rating given
 *   any of OPEN..IN_DELIVERY  CANCEL    CANCELLED   a hold, if placed, is voided
 *   any of OPEN..IN_DELIVERY  WITHDRAW  WITHDRAWN   a hold, if placed, is voided
 *   ACCEPTED    RELEASE_HOLD    ACCEPTED      reconciliation released the hold of an agreement never written
 * </pre>
 * RELEASE_HOLD is the brokerage's own, never a caller's: it is not among the actions a refusal names.
 */
public final class Lifecycle {
    private Lifecycle() {}

    /** One edge of the machine; {@code from} is null for RAISE. */
    public record Edge(RequestStatus from, Action action, RequestStatus to) {}

    private static final Set<RequestStatus> BEFORE_COMPLETION =
            EnumSet.of(OPEN, PROPOSED, ACCEPTED, AGREED, IN_DELIVERY);

    public static final List<Edge> EDGES;

    static {
        List<Edge> edges = new java.util.ArrayList<>(List.of(
                new Edge(null, Action.RAISE, OPEN),
                new Edge(OPEN, Action.PROPOSE, PROPOSED),
                new Edge(PROPOSED, Action.PROPOSE, PROPOSED),
                new Edge(PROPOSED, Action.ACCEPT, ACCEPTED),
                new Edge(ACCEPTED, Action.ACCEPT, ACCEPTED),
                new Edge(PROPOSED, Action.DECLINE, PROPOSED),
                new Edge(PROPOSED, Action.DECLINE, OPEN),
                new Edge(ACCEPTED, Action.DECLINE, ACCEPTED),
                new Edge(ACCEPTED, Action.AGREE, AGREED),
                new Edge(AGREED, Action.START_DELIVERY, IN_DELIVERY),
                new Edge(IN_DELIVERY, Action.COMPLETE, COMPLETED),
                new Edge(COMPLETED, Action.EVALUATE, COMPLETED),
                new Edge(COMPLETED, Action.EVALUATE, EVALUATED),
                new Edge(ACCEPTED, Action.RELEASE_HOLD, ACCEPTED)));
        for (RequestStatus s : BEFORE_COMPLETION) {
            edges.add(new Edge(s, Action.CANCEL, CANCELLED));
            edges.add(new Edge(s, Action.WITHDRAW, WITHDRAWN));
        }
        EDGES = List.copyOf(edges);
    }

    /** Whether {@code action} may be taken from {@code status} (by someone; who is the {@link Policy}'s business). */
    public static boolean allows(RequestStatus status, Action action) {
        return EDGES.stream().anyMatch(e -> e.from() == status && e.action() == action);
    }

    /** The actions the machine allows from {@code status}, in declaration order: what a refusal names. */
    public static List<Action> allowedActions(RequestStatus status) {
        return Arrays.stream(Action.values())
                .filter(a -> a != Action.RELEASE_HOLD && allows(status, a))
                .toList();
    }

    public static boolean isEdge(RequestStatus from, Action action, RequestStatus to) {
        return EDGES.contains(new Edge(from, action, to));
    }

    /** Every status reachable from a raised request. */
    public static Set<RequestStatus> reachable() {
        Set<RequestStatus> seen = EnumSet.of(OPEN);
        Deque<RequestStatus> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            RequestStatus s = todo.pop();
            for (Edge e : EDGES) if (e.from() == s && seen.add(e.to())) todo.push(e.to());
        }
        return seen;
    }
}
