package uk.sse.ledger.model;

import java.time.Instant;

/**
 * One posted movement on one account: a transfer posts two, one per account, summing to zero
 * (the debit account's is negative). {@code balanceAfter} is the account's posted balance after it.
 */
public record Entry(AccountId account, TransferId transfer, long amount, long balanceAfter, Instant at) {}
