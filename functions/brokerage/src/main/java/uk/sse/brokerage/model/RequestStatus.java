package uk.sse.brokerage.model;

/** Where a request stands; see {@link Lifecycle} for the moves between them. */
public enum RequestStatus {
    OPEN,
    PROPOSED,
    ACCEPTED,
    AGREED,
    IN_DELIVERY,
    COMPLETED,
    EVALUATED,
    CANCELLED,
    WITHDRAWN;

    /** No hold can be open once a request is here: it was posted or voided on the way in. */
    public boolean closed() {
        return this == COMPLETED || this == EVALUATED || this == CANCELLED || this == WITHDRAWN;
    }

    /** Nothing more can happen to it. */
    public boolean terminal() {
        return this == EVALUATED || this == CANCELLED || this == WITHDRAWN;
    }
}
