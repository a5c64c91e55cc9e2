package uk.sse.local.demo;

import static uk.sse.directory.model.Designation.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.Phase;
import uk.sse.directory.register.School;

/** What kind of school a register row is, which decides the phases its offers are for and the designations it may hold. */
enum SchoolKind {
    NURSERY("Maintained nursery school", List.of(SPECIALIST_LEADER_OF_EDUCATION, LOCAL_LEADER_OF_EDUCATION)),
    PRIMARY(
            "Primary school",
            List.of(
                    NATIONAL_LEADER_OF_EDUCATION,
                    LOCAL_LEADER_OF_EDUCATION,
                    SPECIALIST_LEADER_OF_EDUCATION,
                    ENGLISH_HUB,
                    MATHS_HUB,
                    TEACHING_SCHOOL_HUB,
                    RESEARCH_SCHOOL,
                    ATTENDANCE_HUB)),
    SECONDARY(
            "Secondary school",
            List.of(
                    NATIONAL_LEADER_OF_EDUCATION,
                    SPECIALIST_LEADER_OF_EDUCATION,
                    TEACHING_SCHOOL_HUB,
                    MATHS_HUB,
                    SCIENCE_LEARNING_PARTNERSHIP,
                    RESEARCH_SCHOOL,
                    BEHAVIOUR_HUB,
                    ATTENDANCE_HUB,
                    COMPUTING_HUB)),
    SIXTH_FORM("16 to 19 school", List.of(SPECIALIST_LEADER_OF_EDUCATION, MATHS_HUB)),
    ALL_THROUGH(
            "All-through school",
            List.of(
                    NATIONAL_LEADER_OF_EDUCATION,
                    SPECIALIST_LEADER_OF_EDUCATION,
                    TEACHING_SCHOOL_HUB,
                    RESEARCH_SCHOOL,
                    BEHAVIOUR_HUB)),
    SPECIAL(
            "Special school",
            List.of(NATIONAL_LEADER_OF_EDUCATION, SPECIALIST_LEADER_OF_EDUCATION, TEACHING_SCHOOL_HUB)),
    AP("Alternative provision", List.of(SPECIALIST_LEADER_OF_EDUCATION, BEHAVIOUR_HUB));

    final String label;
    final List<Designation> designations;

    SchoolKind(String label, List<Designation> designations) {
        this.label = label;
        this.designations = designations;
    }

    /** Special and alternative provision are known by type, since GIAS gives them no phase; others by phase. */
    static Optional<SchoolKind> of(School school) {
        String type = school.type() == null ? "" : school.type().toLowerCase(Locale.ROOT);
        if (type.contains("special")) {
            return Optional.of(SPECIAL);
        }
        if (type.contains("alternative provision") || type.contains("pupil referral")) {
            return Optional.of(AP);
        }
        return Optional.ofNullable(
                switch (school.phase() == null ? "" : school.phase()) {
                    case "Nursery" -> NURSERY;
                    case "Primary", "Middle deemed primary" -> PRIMARY;
                    case "Secondary", "Middle deemed secondary" -> SECONDARY;
                    case "16 plus" -> SIXTH_FORM;
                    case "All-through" -> ALL_THROUGH;
                    default -> null;
                });
    }

    /** The phases the school teaches: a sixth form where it keeps pupils to 18, early years where it takes them at 4 or younger. */
    Set<Phase> phases(School school) {
        EnumSet<Phase> phases = switch (this) {
            case NURSERY -> EnumSet.of(Phase.EARLY_YEARS);
            case PRIMARY -> EnumSet.of(Phase.PRIMARY);
            case SECONDARY -> EnumSet.of(Phase.SECONDARY);
            case SIXTH_FORM -> EnumSet.of(Phase.POST_16);
            case ALL_THROUGH -> EnumSet.of(Phase.ALL_THROUGH, Phase.PRIMARY, Phase.SECONDARY);
            case SPECIAL -> EnumSet.of(Phase.SPECIAL);
            case AP -> EnumSet.of(Phase.ALTERNATIVE_PROVISION);
        };
        if ((this == SECONDARY || this == ALL_THROUGH)
                && school.statutoryHighAge() != null
                && school.statutoryHighAge() >= 18) {
            phases.add(Phase.POST_16);
        }
        if ((this == PRIMARY || this == ALL_THROUGH)
                && school.statutoryLowAge() != null
                && school.statutoryLowAge() <= 4) {
            phases.add(Phase.EARLY_YEARS);
        }
        return phases;
    }
}
