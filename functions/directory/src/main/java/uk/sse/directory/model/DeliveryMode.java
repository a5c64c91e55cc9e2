package uk.sse.directory.model;

/** How support is delivered. */
public enum DeliveryMode {
    IN_SCHOOL,
    REMOTE,
    TRAINING,
    PEER_REVIEW,
    COACHING,
    MENTORING,
    VISIT_TO_PROVIDER
}
