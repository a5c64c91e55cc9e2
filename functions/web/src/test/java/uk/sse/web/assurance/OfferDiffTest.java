package uk.sse.web.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.sse.web.api.Directory;

/** What an assurer is shown as changed: each changed field in words, before and now; nothing for what did not change. */
class OfferDiffTest {

    static Directory.Content content(String title, long price, List<String> areas, String evidence) {
        return new Directory.Content(
                title,
                "Coaching for the subject lead.",
                areas,
                List.of("PRIMARY"),
                List.of("IN_SCHOOL"),
                new BigDecimal("4.0"),
                price,
                null,
                20,
                null,
                null,
                evidence == null ? null : new Directory.Evidence(evidence, List.of()),
                new Directory.Contact("Ann", "ann@example.org", null));
    }

    static Directory.Offer version(long v, String status, Directory.Content c) {
        return new Directory.Offer(
                "off_1",
                "prv_1",
                "Hub",
                null,
                "888",
                List.of(),
                c,
                status,
                null,
                v,
                List.of(),
                "2026-11-0" + v + "T10:00:00Z",
                List.of());
    }

    @Test
    void onlyTheChangedFieldsAreShownInWords() {
        var before = content("Maths mastery", 30, List.of("CT.MATHS"), null);
        var now =
                content("Maths mastery in key stage 1", 30, List.of("CT.MATHS", "CT.READ"), "Ofsted 2025: outstanding");
        assertThat(OfferDiff.between(before, now))
                .extracting(OfferDiff.Change::field)
                .containsExactly("Title", "Areas of support", "Evidence");
        assertThat(OfferDiff.between(before, now).get(0))
                .isEqualTo(new OfferDiff.Change("Title", "Maths mastery", "Maths mastery in key stage 1"));
        assertThat(OfferDiff.between(before, now).get(2).before()).isEqualTo("(nothing)");
        assertThat(OfferDiff.between(before, content("Maths mastery", 45, List.of("CT.MATHS"), null)))
                .containsExactly(new OfferDiff.Change("Price", "30 credits", "45 credits"));
        assertThat(OfferDiff.between(before, before)).isEmpty();
    }

    @Test
    void theVersionComparedIsTheLatestApprovedBeforeTheOneUnderReview() {
        var c = content("Maths", 30, List.of("CT.MATHS"), null);
        List<Directory.Offer> versions = List.of(
                version(1, "DRAFT", c),
                version(2, "SUBMITTED", c),
                version(3, "APPROVED", c),
                version(4, "APPROVED", c),
                version(5, "SUBMITTED", c),
                version(6, "APPROVED", c));
        assertThat(OfferDiff.lastApproved(versions, 5))
                .map(Directory.Offer::version)
                .contains(4L);
        assertThat(OfferDiff.lastApproved(versions, 3)).isEmpty();
    }
}
