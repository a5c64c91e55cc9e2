package uk.sse.kernel.schools;

import java.util.Locale;

/**
 * The phase of the directory's offers (EARLY_YEARS, PRIMARY, SECONDARY, POST_16, ALL_THROUGH, SPECIAL,
 * ALTERNATIVE_PROVISION) that suits a school of the GIAS register: special schools and alternative provision by their
 * type, the rest by their phase of education. Brokerage suggests offers of it; the web's search defaults to it.
 */
public final class OfferPhases {

    private OfferPhases() { }

    /** The offers' phase for a school with GIAS's {@code phase} and {@code type} wording; null if neither says. */
    public static String ofSchool(String phase, String type) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.contains("special")) {
            return "SPECIAL";
        }
        if (t.contains("pupil referral") || t.contains("alternative provision")) {
            return "ALTERNATIVE_PROVISION";
        }
        String p = phase == null ? "" : phase.toLowerCase(Locale.ROOT);
        if (p.contains("nursery")) {
            return "EARLY_YEARS";
        }
        if (p.contains("primary")) {
            return "PRIMARY";
        }
        if (p.contains("secondary")) {
            return "SECONDARY";
        }
        if (p.contains("16 plus")) {
            return "POST_16";
        }
        if (p.contains("all-through") || p.contains("all through")) {
            return "ALL_THROUGH";
        }
        return null;
    }
}
