package uk.sse.kernel.schools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfferPhasesTest {

    @Test
    void aSchoolsTypeSaysSpecialOrAlternativeProvisionBeforeItsPhase() {
        assertThat(OfferPhases.allOf("Primary", "Community special school")).containsExactly("SPECIAL");
        assertThat(OfferPhases.allOf("Not applicable", "Pupil referral unit")).containsExactly("ALTERNATIVE_PROVISION");
        assertThat(OfferPhases.ofSchool("Secondary", "Academy alternative provision converter"))
                .isEqualTo("ALTERNATIVE_PROVISION");
    }

    @Test
    void thePhaseOfEducationGivesTheRestAndTheFirstIsTheSchoolsOwn() {
        assertThat(OfferPhases.allOf("Middle deemed primary", "Academy converter"))
                .containsExactly("PRIMARY");
        assertThat(OfferPhases.allOf("16 plus", null)).containsExactly("POST_16");
        assertThat(OfferPhases.allOf("All-through", "Free schools"))
                .containsExactly("ALL_THROUGH", "PRIMARY", "SECONDARY");
        assertThat(OfferPhases.ofSchool("All-through", "Free schools")).isEqualTo("ALL_THROUGH");
        assertThat(OfferPhases.ofSchool("Nursery", "LA nursery school")).isEqualTo("EARLY_YEARS");
    }

    @Test
    void aSchoolWhoseWordsSayNothingHasNoPhase() {
        assertThat(OfferPhases.allOf("Not applicable", "Other independent school"))
                .isEmpty();
        assertThat(OfferPhases.ofSchool(null, null)).isNull();
    }
}
