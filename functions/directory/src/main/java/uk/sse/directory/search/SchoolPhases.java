package uk.sse.directory.search;

import java.util.EnumSet;
import java.util.Set;
import uk.sse.directory.model.Phase;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolPlaces;
import uk.sse.kernel.schools.OfferPhases;

/**
 * The phases of offers that suit a school of the register: the kernel's reading of GIAS's type and phase of education,
 * and the ages it takes (a nursery class in a primary school, a sixth form in a secondary one).
 */
final class SchoolPhases {

    private SchoolPhases() {}

    static Set<Phase> of(School school) {
        return of(school.phase(), school.type(), school.statutoryLowAge(), school.statutoryHighAge());
    }

    /** The same, for a school as the record of schools' places keeps it. */
    static Set<Phase> of(SchoolPlaces.Kind kind) {
        return of(kind.phase(), kind.type(), kind.statutoryLowAge(), kind.statutoryHighAge());
    }

    private static Set<Phase> of(String phase, String type, Integer statutoryLowAge, Integer statutoryHighAge) {
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        OfferPhases.allOf(phase, type).forEach(name -> phases.add(Phase.valueOf(name)));
        if (phases.contains(Phase.SPECIAL) || phases.contains(Phase.ALTERNATIVE_PROVISION)) {
            return Set.copyOf(phases);
        }
        // a nursery class in a primary school, a sixth form in a secondary one
        if (statutoryLowAge != null && statutoryLowAge <= 3 && !phases.isEmpty()) {
            phases.add(Phase.EARLY_YEARS);
        }
        if (statutoryHighAge != null && statutoryHighAge >= 18 && phases.contains(Phase.SECONDARY)) {
            phases.add(Phase.POST_16);
        }
        return Set.copyOf(phases);
    }
}
