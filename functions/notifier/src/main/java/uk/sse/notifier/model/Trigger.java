package uk.sse.notifier.model;

/** What made an attempt: the event's arrival, the sweeper's retry, a subscriber's replay, or a test message. */
public enum Trigger {
    STREAM,
    SWEEP,
    REPLAY,
    TEST
}
