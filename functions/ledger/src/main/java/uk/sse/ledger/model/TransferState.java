package uk.sse.ledger.model;

/** A hold is PENDING, then POSTED or VOIDED, once; a single-phase transfer is SINGLE_PHASE from the start. */
public enum TransferState {
    PENDING,
    POSTED,
    VOIDED,
    SINGLE_PHASE;

    public boolean resolved() {
        return this == POSTED || this == VOIDED;
    }
}
