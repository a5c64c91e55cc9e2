package uk.sse.ledger.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client-chosen transfer id (1 to 64 of letters, digits, {@code . _ : -}); the idempotency key of a transfer. Ids
 * beginning {@value #BROKERAGE_PREFIX} are the brokerage's engagement holds: only a service creates or resolves them,
 * so no person can take an engagement's id first. Ids beginning {@value #ENTITLEMENT_PREFIX} and {@value #EXPIRY_PREFIX}
 * are an area's credit scheme's (decision 0083), made only by the ledger's own scheme job.
 */
public record TransferId(String value) implements Comparable<TransferId> {
    public static final String PATTERN = AccountId.PART_PATTERN;
    public static final String BROKERAGE_PREFIX = "brk:";
    /** An area's credit scheme giving a school its entitlement for a term: {@code entitle.<area>.<term>.<owner>}. */
    public static final String ENTITLEMENT_PREFIX = "entitle.";
    /** An area's credit scheme taking back what is left of a school's entitlement for a year: {@code expire.<area>.<year>.<owner>}. */
    public static final String EXPIRY_PREFIX = "expire.";

    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public TransferId {
        if (!valid(value)) throw new IllegalArgumentException("invalid transfer id: " + value);
    }

    public static boolean valid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    public static Optional<TransferId> parse(String value) {
        return valid(value) ? Optional.of(new TransferId(value)) : Optional.empty();
    }

    /** An engagement hold of the brokerage: the namespace no person may use. */
    public boolean brokerageHold() {
        return value.startsWith(BROKERAGE_PREFIX);
    }

    /** The entitlement of {@code owner} in {@code area} for the term keyed {@code term}: one id, so given once. */
    public static TransferId entitlement(String area, String term, String owner) {
        return new TransferId(ENTITLEMENT_PREFIX + area + "." + term + "." + owner);
    }

    /** The expiry of what is left of {@code owner}'s entitlement in {@code area} for the school year keyed {@code year}. */
    public static TransferId expiry(String area, String year, String owner) {
        return new TransferId(EXPIRY_PREFIX + area + "." + year + "." + owner);
    }

    /** A credit scheme's transfer: the namespace only the ledger's own scheme job uses. */
    public boolean schemeTransfer() {
        return value.startsWith(ENTITLEMENT_PREFIX) || value.startsWith(EXPIRY_PREFIX);
    }

    @Override
    public int compareTo(TransferId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
