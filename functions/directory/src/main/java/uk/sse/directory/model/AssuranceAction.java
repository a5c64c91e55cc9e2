package uk.sse.directory.model;

/** The things that can happen to an offer in quality assurance, and who may do each. */
public enum AssuranceAction {
    /** The provider asks for assurance. */
    SUBMIT(Actor.PROVIDER),
    APPROVE(Actor.ASSURER),
    REJECT(Actor.ASSURER),
    REQUEST_CHANGES(Actor.ASSURER),
    SUSPEND(Actor.ASSURER),
    /** The provider changes the content; an approved offer goes back for assurance. */
    EDIT(Actor.PROVIDER),
    WITHDRAW(Actor.PROVIDER);

    public enum Actor {
        PROVIDER,
        ASSURER
    }

    private final Actor actor;

    AssuranceAction(Actor actor) {
        this.actor = actor;
    }

    public Actor actor() {
        return actor;
    }

    /** Decisions that must say why, for the record and for the provider. */
    public boolean needsReason() {
        return this == REJECT || this == REQUEST_CHANGES || this == SUSPEND;
    }
}
