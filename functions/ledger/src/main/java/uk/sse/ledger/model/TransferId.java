package uk.sse.ledger.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** A client-chosen transfer id (1 to 64 of letters, digits, {@code . _ : -}); the idempotency key of a transfer. */
public record TransferId(String value) implements Comparable<TransferId> {
    public static final String PATTERN = AccountId.PART_PATTERN;
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public TransferId {
        if (!valid(value)) throw new IllegalArgumentException("invalid transfer id: " + value);
    }

    public static boolean valid(String value) { return value != null && SHAPE.matcher(value).matches(); }

    public static Optional<TransferId> parse(String value) {
        return valid(value) ? Optional.of(new TransferId(value)) : Optional.empty();
    }

    @Override public int compareTo(TransferId o) { return value.compareTo(o.value); }

    @Override public String toString() { return value; }
}
