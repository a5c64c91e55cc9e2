package uk.sse.directory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.model.AssuranceAction.APPROVE;
import static uk.sse.directory.model.AssuranceAction.EDIT;
import static uk.sse.directory.model.AssuranceAction.REJECT;
import static uk.sse.directory.model.AssuranceAction.REQUEST_CHANGES;
import static uk.sse.directory.model.AssuranceAction.SUBMIT;
import static uk.sse.directory.model.AssuranceAction.SUSPEND;
import static uk.sse.directory.model.AssuranceAction.WITHDRAW;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.sse.directory.model.OfferLifecycle.Move;
import uk.sse.directory.model.OfferLifecycle.Request;

/** The main paths through assurance, step by step. The properties are in {@link OfferLifecyclePropertyTest}. */
class OfferLifecycleTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T10:15:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");

    private static Request ask(AssuranceAction action) {
        return new Request(action, "someone", MONDAY, null, null, null);
    }

    private static Request decide(AssuranceAction action, String reason) {
        return new Request(action, "assurer-1", MONDAY, reason, null, null);
    }

    private static Request approve(LocalDate reviewDate) {
        return new Request(APPROVE, "assurer-1", MONDAY, null, reviewDate, null);
    }

    private static Request edit(OfferContent content) {
        return new Request(EDIT, "provider-1", MONDAY, null, null, content);
    }

    private static Offer made(Offer offer, Request request) {
        Move move = OfferLifecycle.apply(offer, request);
        assertThat(move).as("%s from %s", request.action(), offer.status()).isInstanceOf(Move.Made.class);
        return ((Move.Made) move).offer();
    }

    @Test
    void aDraftIsSubmittedApprovedAndThenSeenByAdvisersUntilItsReviewDate() {
        LocalDate review = TODAY.plusMonths(12);
        Offer submitted = made(Offers.draft(), ask(SUBMIT));
        assertThat(submitted.status()).isEqualTo(OfferStatus.SUBMITTED);
        assertThat(submitted.visibleToAdvisers(TODAY)).isFalse();

        Offer approved = made(submitted, approve(review));
        assertThat(approved.status()).isEqualTo(OfferStatus.APPROVED);
        assertThat(approved.reviewDate()).isEqualTo(review);
        assertThat(approved.version()).isEqualTo(3);
        assertThat(approved.updatedAt()).isEqualTo(MONDAY);
        assertThat(approved.createdAt()).isEqualTo(Offers.CREATED);
        assertThat(approved.history()).extracting(AssuranceRecord::action).containsExactly(SUBMIT, APPROVE);
        assertThat(approved.history().get(1))
                .isEqualTo(new AssuranceRecord(
                        MONDAY, "assurer-1", APPROVE, OfferStatus.SUBMITTED, OfferStatus.APPROVED, null, review, 3));

        assertThat(approved.visibleToAdvisers(TODAY)).isTrue();
        assertThat(approved.visibleToAdvisers(review)).isTrue();
        assertThat(approved.visibleToAdvisers(review.plusDays(1))).isFalse();
        assertThat(approved.expired(review.plusDays(1))).isTrue();
        assertThat(approved.expired(review)).isFalse();
    }

    @Test
    void changesRequestedAreEditedAndSubmittedAgain() {
        Offer submitted = made(Offers.draft(), ask(SUBMIT));
        Offer sentBack = made(submitted, decide(REQUEST_CHANGES, "  Add evidence of impact.  "));
        assertThat(sentBack.status()).isEqualTo(OfferStatus.CHANGES_REQUESTED);
        assertThat(sentBack.history().getLast().reason()).isEqualTo("Add evidence of impact.");

        OfferContent better = Offers.content().title("Phonics, with evidence").build();
        Offer edited = made(sentBack, edit(better));
        assertThat(edited.status()).isEqualTo(OfferStatus.CHANGES_REQUESTED);
        assertThat(edited.content()).isEqualTo(better);
        assertThat(made(edited, ask(SUBMIT)).status()).isEqualTo(OfferStatus.SUBMITTED);
    }

    @Test
    void editingAnApprovedOfferSendsItBackForAssuranceAndHidesIt() {
        Offer approved = made(made(Offers.draft(), ask(SUBMIT)), approve(TODAY.plusDays(30)));
        Offer edited = made(approved, edit(Offers.content().title("New title").build()));
        assertThat(edited.status()).isEqualTo(OfferStatus.SUBMITTED);
        assertThat(edited.reviewDate()).isNull();
        assertThat(edited.visibleToAdvisers(TODAY)).isFalse();
        assertThat(edited.content().title()).isEqualTo("New title");
    }

    @Test
    void aSuspendedOfferIsHiddenUntilApprovedAgainWithANewReviewDate() {
        Offer approved = made(made(Offers.draft(), ask(SUBMIT)), approve(TODAY.plusDays(30)));
        Offer suspended = made(approved, decide(SUSPEND, "complaint under investigation"));
        assertThat(suspended.status()).isEqualTo(OfferStatus.SUSPENDED);
        assertThat(suspended.visibleToAdvisers(TODAY)).isFalse();

        Offer reinstated = made(suspended, approve(TODAY.plusDays(90)));
        assertThat(reinstated.visibleToAdvisers(TODAY.plusDays(60))).isTrue();
        assertThat(reinstated.reviewDate()).isEqualTo(TODAY.plusDays(90));
    }

    @Test
    void aRejectedOfferGoesBackToDraftWhenEdited() {
        Offer rejected = made(made(Offers.draft(), ask(SUBMIT)), decide(REJECT, "not school improvement support"));
        assertThat(rejected.status()).isEqualTo(OfferStatus.REJECTED);
        assertThat(made(rejected, edit(Offers.content().build())).status()).isEqualTo(OfferStatus.DRAFT);
    }

    @Test
    void aWithdrawnOfferCanBeGivenNothing() {
        Offer withdrawn = made(Offers.draft(), ask(WITHDRAW));
        for (AssuranceAction action : AssuranceAction.values()) {
            assertThat(OfferLifecycle.apply(
                            withdrawn,
                            new Request(
                                    action,
                                    "x",
                                    MONDAY,
                                    "why",
                                    TODAY.plusDays(10),
                                    Offers.content().build())))
                    .isEqualTo(new Move.Refused("an offer that is WITHDRAWN cannot be given " + action, List.of()));
        }
    }

    @Test
    void aRefusalSaysWhatTheOfferCanBeGiven() {
        Move move = OfferLifecycle.apply(Offers.draft(), approve(TODAY.plusDays(10)));
        assertThat(move)
                .isEqualTo(new Move.Refused(
                        "an offer that is DRAFT cannot be given APPROVE", List.of("SUBMIT", "EDIT", "WITHDRAW")));
    }

    @Test
    void anApprovalNeedsAReviewDateFromTomorrowToThreeYearsAhead() {
        Offer submitted = made(Offers.draft(), ask(SUBMIT));
        assertThat(OfferLifecycle.apply(submitted, approve(null)))
                .isInstanceOf(Move.Incomplete.class)
                .extracting(m -> ((Move.Incomplete) m).field())
                .isEqualTo("reviewDate");
        assertThat(OfferLifecycle.apply(submitted, approve(TODAY))).isInstanceOf(Move.Incomplete.class);
        assertThat(OfferLifecycle.apply(submitted, approve(TODAY.plusYears(3).plusDays(1))))
                .isInstanceOf(Move.Incomplete.class);
        assertThat(made(submitted, approve(TODAY.plusDays(1))).reviewDate()).isEqualTo(TODAY.plusDays(1));
        assertThat(made(submitted, approve(TODAY.plusYears(3))).reviewDate()).isEqualTo(TODAY.plusYears(3));
    }

    @Test
    void todayIsTheUtcDateOfTheDecision() {
        // at 23:30 UTC it is already 1 July in London; the rule reads the day in UTC, where it is still 30 June
        Instant lateEvening = Instant.parse("2026-06-30T23:30:00Z");
        Offer submitted = made(Offers.draft(), ask(SUBMIT));
        Request sameDay = new Request(APPROVE, "a", lateEvening, null, LocalDate.parse("2026-06-30"), null);
        Request nextDay = new Request(APPROVE, "a", lateEvening, null, LocalDate.parse("2026-07-01"), null);
        assertThat(OfferLifecycle.apply(submitted, sameDay)).isInstanceOf(Move.Incomplete.class);
        assertThat(OfferLifecycle.apply(submitted, nextDay)).isInstanceOf(Move.Made.class);
    }

    @Test
    void decisionsAgainstTheProviderMustSayWhy() {
        Offer submitted = made(Offers.draft(), ask(SUBMIT));
        for (String blank : new String[] {null, "", "   \t"}) {
            assertThat(OfferLifecycle.apply(submitted, decide(REJECT, blank)))
                    .isInstanceOf(Move.Incomplete.class)
                    .extracting(m -> ((Move.Incomplete) m).field())
                    .isEqualTo("reason");
            assertThat(OfferLifecycle.apply(submitted, decide(REQUEST_CHANGES, blank)))
                    .isInstanceOf(Move.Incomplete.class);
        }
        Offer approved = made(submitted, approve(TODAY.plusDays(5)));
        assertThat(OfferLifecycle.apply(approved, decide(SUSPEND, " "))).isInstanceOf(Move.Incomplete.class);
    }

    @Test
    void anEditNeedsTheNewContent() {
        assertThat(OfferLifecycle.apply(Offers.draft(), edit(null)))
                .isEqualTo(new Move.Incomplete("body", "an edit needs the offer's new content"));
    }
}
