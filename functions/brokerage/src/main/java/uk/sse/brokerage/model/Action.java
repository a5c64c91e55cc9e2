package uk.sse.brokerage.model;

/** What can be done to a request, each with the type of the event it yields. */
public enum Action {
    RAISE("brokerage.request.created"),
    PROPOSE("brokerage.request.proposed"),
    ACCEPT("brokerage.proposal.accepted"),
    DECLINE("brokerage.proposal.declined"),
    AGREE("brokerage.engagement.agreed"),
    START_DELIVERY("brokerage.engagement.started"),
    COMPLETE("brokerage.engagement.completed"),
    EVALUATE("brokerage.engagement.evaluated"),
    CANCEL("brokerage.request.cancelled"),
    WITHDRAW("brokerage.request.withdrawn"),
    /** Reconciliation released the hold of an agreement that was never written; not a caller's action. */
    RELEASE_HOLD("brokerage.reconciliation.hold-released");

    private final String eventType;

    Action(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }
}
