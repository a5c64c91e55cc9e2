package uk.sse.directory.search;

import uk.sse.directory.model.Phase;
import uk.sse.directory.register.School;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The phases of offers that suit a school of the register, read from GIAS's type and phase of education. */
final class SchoolPhases {

    private SchoolPhases() { }

    static Set<Phase> of(School school) {
        String type = lower(school.type());
        if (type.contains("special")) {
            return Set.of(Phase.SPECIAL);
        }
        if (type.contains("pupil referral") || type.contains("alternative provision")) {
            return Set.of(Phase.ALTERNATIVE_PROVISION);
        }
        String phase = lower(school.phase());
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        if (phase.contains("nursery")) {
            phases.add(Phase.EARLY_YEARS);
        }
        if (phase.contains("primary") || phase.contains("middle deemed primary")) {
            phases.add(Phase.PRIMARY);
        }
        if (phase.contains("secondary")) {
            phases.add(Phase.SECONDARY);
        }
        if (phase.contains("16 plus")) {
            phases.add(Phase.POST_16);
        }
        if (phase.contains("all-through") || phase.contains("all through")) {
            phases.addAll(Set.of(Phase.ALL_THROUGH, Phase.PRIMARY, Phase.SECONDARY));
        }
        // a nursery class in a primary school, a sixth form in a secondary one
        if (school.statutoryLowAge() != null && school.statutoryLowAge() <= 3 && !phases.isEmpty()) {
            phases.add(Phase.EARLY_YEARS);
        }
        if (school.statutoryHighAge() != null && school.statutoryHighAge() >= 18 && phases.contains(Phase.SECONDARY)) {
            phases.add(Phase.POST_16);
        }
        return Set.copyOf(phases);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
