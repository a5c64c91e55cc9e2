package uk.sse.ledger.model;

import java.time.Instant;

/**
 * A transfer of {@code amount} credits from {@code debit} to {@code credit}. A pending one (a hold) reserves
 * the amount until it is posted (all or part: {@code postedAmount}) or voided; {@code timeout} (null = never)
 * is when the sweeper voids it. {@code timeoutSeconds} is what the client asked for, part of the body.
 */
public record Transfer(TransferId id, AccountId debit, AccountId credit, long amount, TransferKind kind,
                       String reference, boolean pending, long timeoutSeconds, Instant createdAt,
                       Instant timeout, TransferState state, long postedAmount, Instant resolvedAt) {

    /** Same client body: what decides between an idempotent replay and a reused id. */
    public boolean sameBody(Command.CreateTransfer c) {
        return id.equals(c.id()) && debit.equals(c.debit()) && credit.equals(c.credit()) && amount == c.amount()
                && kind == c.kind() && reference.equals(Command.normalReference(c.reference()))
                && pending == c.pending() && timeoutSeconds == c.timeoutSeconds();
    }

    Transfer resolved(TransferState to, long posted, Instant at) {
        return new Transfer(id, debit, credit, amount, kind, reference, pending, timeoutSeconds, createdAt, timeout, to, posted, at);
    }

    public boolean expiredAt(Instant now) {
        return state == TransferState.PENDING && timeout != null && !now.isBefore(timeout);
    }
}
