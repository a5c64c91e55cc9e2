package uk.sse.ledger.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client-chosen transfer id (1 to 64 of letters, digits, {@code . _ : -}); the idempotency key of a transfer. Ids
 * beginning {@value #BROKERAGE_PREFIX} are the brokerage's engagement holds: only a service creates or resolves them,
 * so no person can take an engagement's id first.
 */
public record TransferId(String value) implements Comparable<TransferId> {
    public static final String PATTERN = AccountId.PART_PATTERN;
    public static final String BROKERAGE_PREFIX = "brk:";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public TransferId {
        if (!valid(value)) throw new IllegalArgumentException("invalid transfer id: " + value);
    }

    public static boolean valid(String value) { return value != null && SHAPE.matcher(value).matches(); }

    public static Optional<TransferId> parse(String value) {
        return valid(value) ? Optional.of(new TransferId(value)) : Optional.empty();
    }

    /** An engagement hold of the brokerage: the namespace no person may use. */
    public boolean brokerageHold() { return value.startsWith(BROKERAGE_PREFIX); }

    @Override public int compareTo(TransferId o) { return value.compareTo(o.value); }

    @Override public String toString() { return value; }
}
