package uk.sse.brokerage.model;

import java.time.Instant;

/**
 * One applied command in the request's history: who (subject and kind), when, the action, from and to
 * ({@code from} null for RAISE), why (a reason or note, may be null) and the version it produced.
 */
public record Transition(
        String by,
        ActorKind byKind,
        Instant at,
        Action action,
        RequestStatus from,
        RequestStatus to,
        String reason,
        long version) {}
