package uk.sse.ledger.application.deliberate;

/** Breaks ADAPTERS_STAY_OUTSIDE on purpose: a use case naming the DynamoDB adapter rather than its port. */
public record CallsTheStoreItself(uk.sse.ledger.storage.DynamoLedgerStore store) {}
