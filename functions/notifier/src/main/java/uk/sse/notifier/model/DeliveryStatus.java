package uk.sse.notifier.model;

/**
 * PENDING: made, not yet tried (or held back by a rate limit). RETRYING: failed, the next attempt is scheduled.
 * DELIVERED: a 2xx came back. FAILED: the schedule ran out, or the endpoint said it is gone. CANCELLED: its
 * subscription was paused, disabled or deleted before it was sent. The last three are final until a replay.
 */
public enum DeliveryStatus {
    PENDING,
    RETRYING,
    DELIVERED,
    FAILED,
    CANCELLED;

    /** Waiting for an attempt: found by the sweeper when due. */
    public boolean scheduled() {
        return this == PENDING || this == RETRYING;
    }
}
