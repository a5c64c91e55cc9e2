/**
 * The brokerage's domain model, plain Java: a {@link uk.sse.brokerage.model.BrokerageRequest} raised by an adviser for a
 * school, moved through the {@link uk.sse.brokerage.model.Lifecycle} by {@link uk.sse.brokerage.model.Command}s that
 * {@link uk.sse.brokerage.model.Brokerage} applies as pure functions, allowed by the {@link uk.sse.brokerage.model.Policy}.
 *
 * <p>An applied command yields the new request (version + 1, one more {@link uk.sse.brokerage.model.Transition} in its
 * history), one {@link uk.sse.kernel.events.EventEnvelope} (the shared envelope of docs/events.md, holding the
 * {@link uk.sse.contracts.brokerage.BrokerageEvent} record the model built) and the {@link uk.sse.brokerage.model.LedgerEffect}s to carry out:
 * {@code ledgerBefore} (place, post or void the engagement's hold) before writing the state on condition of the version
 * read, {@code ledgerAfter} (release stray holds) after. A crash between the ledger and the write is repaired by retrying
 * the same command: the request is unchanged, so it applies again and names the same transfer (the engagement id is
 * {@code <requestId>.<proposalId>}), which the ledger answers as already done.
 */
package uk.sse.brokerage.model;
