package uk.sse.ledger.model;

import java.time.Instant;

/**
 * A transfer of {@code amount} credits from {@code debit} to {@code credit}. A pending one (a hold) reserves
 * the amount until it is posted (all or part: {@code postedAmount}) or voided; {@code timeout} (null = never)
 * is when the sweeper voids it, moved later by extensions. {@code timeoutSeconds} is what the client asked for, part of
 * the body. {@code requestedBy} asked for it and {@code resolvedBy} posted or voided it (null while pending);
 * {@code revision} counts the writes of the transfer after its creation, for optimistic locking.
 */
public record Transfer(
        TransferId id,
        AccountId debit,
        AccountId credit,
        long amount,
        TransferKind kind,
        String reference,
        boolean pending,
        long timeoutSeconds,
        Instant createdAt,
        Instant timeout,
        TransferState state,
        long postedAmount,
        Instant resolvedAt,
        Requester requestedBy,
        Requester resolvedBy,
        long revision) {

    /** Same client body: what decides between an idempotent replay and a reused id. Who asked is not part of it. */
    public boolean sameBody(Command.CreateTransfer c) {
        return id.equals(c.id())
                && debit.equals(c.debit())
                && credit.equals(c.credit())
                && amount == c.amount()
                && kind == c.kind()
                && reference.equals(Command.normalReference(c.reference()))
                && pending == c.pending()
                && timeoutSeconds == c.timeoutSeconds();
    }

    Transfer resolved(TransferState to, long posted, Requester by, Instant at) {
        return new Transfer(
                id,
                debit,
                credit,
                amount,
                kind,
                reference,
                pending,
                timeoutSeconds,
                createdAt,
                timeout,
                to,
                posted,
                at,
                requestedBy,
                by,
                Math.addExact(revision, 1));
    }

    Transfer extended(Instant until) {
        return new Transfer(
                id,
                debit,
                credit,
                amount,
                kind,
                reference,
                pending,
                timeoutSeconds,
                createdAt,
                until,
                state,
                postedAmount,
                resolvedAt,
                requestedBy,
                resolvedBy,
                Math.addExact(revision, 1));
    }

    public boolean expiredAt(Instant now) {
        return state == TransferState.PENDING && timeout != null && !now.isBefore(timeout);
    }

    /** Debits the area's issuing account in a way the ledger allows: an allocation, or a commissioner's adjustment. */
    public boolean issuesCredits() {
        return !pending
                && (kind == TransferKind.ALLOCATION
                        || kind == TransferKind.ADJUSTMENT
                                && requestedBy != null
                                && requestedBy.isCommissionerOf(debit.area()));
    }
}
