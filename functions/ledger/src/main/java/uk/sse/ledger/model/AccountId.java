package uk.sse.ledger.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** An account's id: {@code area/owner}, e.g. {@code 888/URN:100001}; the area's issuing account is {@code area/ISSUING}. */
public record AccountId(String value) implements Comparable<AccountId> {
    /** An area code or an owner: 1 to 64 of letters, digits and {@code : _ . -}. */
    public static final String PART_PATTERN = "[A-Za-z0-9:_.\\-]{1,64}";

    public static final String PATTERN = PART_PATTERN + "/" + PART_PATTERN;
    private static final Pattern PART = Pattern.compile(PART_PATTERN);
    public static final String ISSUING_OWNER = "ISSUING";

    public AccountId {
        if (!valid(value)) throw new IllegalArgumentException("invalid account id: " + value);
    }

    public static boolean valid(String value) {
        if (value == null) return false;
        int slash = value.indexOf('/');
        return slash > 0
                && PART.matcher(value.substring(0, slash)).matches()
                && PART.matcher(value.substring(slash + 1)).matches();
    }

    public static Optional<AccountId> parse(String value) {
        return valid(value) ? Optional.of(new AccountId(value)) : Optional.empty();
    }

    public static AccountId of(String area, String owner) {
        return new AccountId(area + "/" + owner);
    }

    public static AccountId issuing(String area) {
        return of(area, ISSUING_OWNER);
    }

    public String area() {
        return value.substring(0, value.indexOf('/'));
    }

    public String owner() {
        return value.substring(value.indexOf('/') + 1);
    }

    @Override
    public int compareTo(AccountId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
