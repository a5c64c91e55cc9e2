/**
 * The credit ledger's domain model, plain Java: accounts, transfers, entries, and {@link uk.sse.ledger.model.Ledger},
 * a pure function from a {@link uk.sse.ledger.model.Snapshot} of the items a command touches and a
 * {@link uk.sse.ledger.model.Command} to a {@link uk.sse.ledger.model.Result}.
 *
 * <p>A store writes a {@link uk.sse.ledger.model.Result.Applied} in one transaction, all or nothing:
 * each account put on condition that its stored version is {@code version - 1}; a transfer in state PENDING or
 * SINGLE_PHASE put on condition that it does not exist; a POSTED or VOIDED one on condition that its stored state
 * is PENDING; each entry put on condition that it does not exist. A failed condition means someone else moved
 * first: read again and re-apply (the command is idempotent, so the second try answers AlreadyApplied if the
 * other writer was the same request). {@link uk.sse.ledger.model.Invariants} states what must always hold.
 */
package uk.sse.ledger.model;
