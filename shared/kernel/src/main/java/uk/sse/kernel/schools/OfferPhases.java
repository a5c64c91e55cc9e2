package uk.sse.kernel.schools;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The phase of the directory's offers (EARLY_YEARS, PRIMARY, SECONDARY, POST_16, ALL_THROUGH, SPECIAL,
 * ALTERNATIVE_PROVISION) that suits a school of the GIAS register: special schools and alternative provision by their
 * type, the rest by their phase of education. Brokerage suggests offers of it; the web's search defaults to it.
 */
public final class OfferPhases {

    private OfferPhases() {}

    /** The offers' phase for a school with GIAS's {@code phase} and {@code type} wording; null if neither says. */
    public static String ofSchool(String phase, String type) {
        return allOf(phase, type).stream().findFirst().orElse(null);
    }

    /**
     * Every offers' phase that suits a school with GIAS's {@code phase} and {@code type} wording, the one
     * {@link #ofSchool} names first; an all-through school takes primary and secondary offers too. Empty if neither says.
     */
    public static Set<String> allOf(String phase, String type) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.contains("special")) {
            return Set.of("SPECIAL");
        }
        if (t.contains("pupil referral") || t.contains("alternative provision")) {
            return Set.of("ALTERNATIVE_PROVISION");
        }
        String p = phase == null ? "" : phase.toLowerCase(Locale.ROOT);
        Set<String> phases = new LinkedHashSet<>();
        if (p.contains("nursery")) {
            phases.add("EARLY_YEARS");
        }
        if (p.contains("primary")) {
            phases.add("PRIMARY");
        }
        if (p.contains("secondary")) {
            phases.add("SECONDARY");
        }
        if (p.contains("16 plus")) {
            phases.add("POST_16");
        }
        if (p.contains("all-through") || p.contains("all through")) {
            phases.addAll(List.of("ALL_THROUGH", "PRIMARY", "SECONDARY"));
        }
        return Collections.unmodifiableSet(phases);
    }
}
