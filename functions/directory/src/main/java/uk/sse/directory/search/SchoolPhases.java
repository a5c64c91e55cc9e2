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
        return of(SchoolPlaces.Kind.of(school));
    }

    /** The same, for a school as the record of schools' places keeps it: its phase, type and statutory ages. */
    static Set<Phase> of(SchoolPlaces.Kind kind) {
        Integer statutoryLowAge = kind.statutoryLowAge();
        Integer statutoryHighAge = kind.statutoryHighAge();
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        OfferPhases.allOf(kind.phase(), kind.type()).forEach(name -> phases.add(Phase.valueOf(name)));
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
