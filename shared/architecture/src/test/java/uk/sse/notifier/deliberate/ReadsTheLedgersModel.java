package uk.sse.notifier.deliberate;

/** Breaks FUNCTIONS_ARE_INDEPENDENT on purpose: the notifier using the ledger's model instead of its events. */
public record ReadsTheLedgersModel(uk.sse.ledger.model.Transfer transfer) {}
