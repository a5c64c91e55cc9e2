package uk.sse.brokerage.model;

/**
 * The kinds of caller, by the same names as the kernel's {@code Role} so the web layer maps one to the other by name.
 * A school is a {@link #PROVIDER} whose organisation is its URN. {@link #SERVICE} is the brokerage itself, reconciling
 * its engagements with the ledger; it is never an API caller.
 */
public enum ActorKind {
    ADVISER,
    BROKER,
    PROVIDER,
    ASSURER,
    COMMISSIONER,
    ADMIN,
    REGISTRAR,
    SERVICE
}
