package uk.sse.ledger.model;

/** Why credits move: an area's allocation from its issuing account, a payment for support, or an adjustment. */
public enum TransferKind {
    ALLOCATION,
    PAYMENT,
    ADJUSTMENT
}
