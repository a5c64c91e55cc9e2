package uk.sse.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codes are never shown: each has its words, and a code this release does not know is still shown in words. */
class LabelsTest {

    @Test
    void codesHaveWords() {
        assertThat(Labels.phase("POST_16")).isEqualTo("Post-16");
        assertThat(Labels.deliveryMode("VISIT_TO_PROVIDER")).isEqualTo("A visit to the provider");
        assertThat(Labels.providerType("LOCAL_AUTHORITY_SERVICE")).isEqualTo("Local authority service");
        assertThat(Labels.designation("MATHS_HUB")).isEqualTo("Maths hub");
        assertThat(Labels.area("CT.READ")).isEqualTo("Early reading and phonics");
        assertThat(Labels.requestStatus("IN_DELIVERY").text()).isEqualTo("In delivery");
        assertThat(Labels.urgency("URGENT")).isEqualTo("Urgent");
        assertThat(Labels.transferKind("ALLOCATION")).isEqualTo("Credits allocated by the area");
    }

    @Test
    void anUnknownCodeIsShownInWords() {
        assertThat(Labels.phase("MIDDLE_DEEMED_SECONDARY")).isEqualTo("Middle deemed secondary");
        assertThat(Labels.area("XX.NEW")).isEqualTo("Xx new");
        assertThat(Labels.requestStatus("ON_HOLD").text()).isEqualTo("On hold");
    }

    @Test
    void anApprovalPastItsReviewDateIsOverdue() {
        assertThat(Labels.offerStatus("APPROVED", "2000-01-01").text()).isEqualTo("Review overdue");
        assertThat(Labels.offerStatus("APPROVED", "2999-01-01").text()).isEqualTo("Assured");
        assertThat(Labels.offerStatus("SUBMITTED", null).text()).isEqualTo("Awaiting assurance");
    }

    @Test
    void datesAndAmountsReadAsPeopleSayThem() {
        assertThat(Labels.day("2027-03-12")).isEqualTo("12 March 2027");
        assertThat(Labels.day("2027-03-12T10:15:00Z")).isEqualTo("12 March 2027");
        assertThat(Labels.dayAndTime("2027-07-12T13:05:00Z")).isEqualTo("12 July 2027 at 2:05pm");
        assertThat(Labels.credits(1)).isEqualTo("1 credit");
        assertThat(Labels.credits(1250)).isEqualTo("1,250 credits");
        assertThat(Labels.distance(3.24)).isEqualTo("3.2 km away");
    }
}
