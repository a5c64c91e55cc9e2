package uk.sse.kernel.deliberate;

/** Breaks KERNEL_KNOWS_NO_FUNCTION on purpose. */
public record KnowsTheLedger(uk.sse.ledger.model.Transfer transfer) {}
