package uk.sse.brokerage.model;

/** The engagement's hold on the ledger, as this request knows it. */
public enum HoldState {
    HELD,
    POSTED,
    VOIDED
}
