package uk.sse.brokerage.application;

import java.time.Instant;
import java.util.Set;
import uk.sse.brokerage.model.RequestStatus;

/**
 * What a listing keeps: requests in one of {@code statuses} (all if empty), needing {@code areaOfSupport} or anything
 * beneath it, for school {@code urn}, raised before {@code raisedBefore}, raised by {@code raisedBy} (or by the school
 * for itself: an adviser's own listing shows what the schools of their area asked for, decision 0081); each null for no
 * condition.
 */
public record RequestFilter(
        Set<RequestStatus> statuses, String areaOfSupport, String urn, Instant raisedBefore, String raisedBy) {

    public static final RequestFilter NONE = new RequestFilter(Set.of(), null, null, null, null);

    public RequestFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Whether only requests still in the queue (not evaluated, cancelled or withdrawn) can pass. */
    public boolean onlyQueued() {
        return !statuses.isEmpty() && statuses.stream().noneMatch(RequestStatus::terminal);
    }
}
