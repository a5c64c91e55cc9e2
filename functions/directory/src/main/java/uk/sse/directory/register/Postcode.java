package uk.sse.directory.register;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK postcode unit, as "SW1A 1AA": its outward code (area and district) and inward code (sector digit and unit
 * letters). Read however it is typed: any case, spaced or not ("sw1a1aa", " SW1A  1AA ").
 */
public record Postcode(String outward, String inward) {

    /** The forms postcodes take (BS 7666): A9, A99, AA9, AA99, A9A, AA9A, then 9AA. */
    private static final Pattern SHAPE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})");

    private static final int LONGEST_TYPED = 20;

    public static Optional<Postcode> parse(String typed) {
        if (typed == null || typed.length() > LONGEST_TYPED) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
        return m.matches() ? Optional.of(new Postcode(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The postcode sector, "SW1A 1": the outward code and the inward code's digit. */
    public String sector() {
        return outward + " " + inward.charAt(0);
    }

    /** The unit within its sector, "AA". */
    public String unit() {
        return inward.substring(1);
    }

    @Override
    public String toString() {
        return outward + " " + inward;
    }
}
