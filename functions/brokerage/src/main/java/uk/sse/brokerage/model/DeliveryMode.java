package uk.sse.brokerage.model;

/** How support may be delivered: the same names as the directory's offers use. */
public enum DeliveryMode {
    IN_SCHOOL,
    REMOTE,
    TRAINING,
    PEER_REVIEW,
    COACHING,
    MENTORING,
    VISIT_TO_PROVIDER
}
