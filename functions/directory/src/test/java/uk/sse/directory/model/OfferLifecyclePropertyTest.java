package uk.sse.directory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.model.AssuranceAction.APPROVE;
import static uk.sse.directory.model.AssuranceAction.EDIT;
import static uk.sse.directory.model.AssuranceAction.REJECT;
import static uk.sse.directory.model.AssuranceAction.REQUEST_CHANGES;
import static uk.sse.directory.model.AssuranceAction.SUBMIT;
import static uk.sse.directory.model.AssuranceAction.SUSPEND;
import static uk.sse.directory.model.AssuranceAction.WITHDRAW;
import static uk.sse.directory.model.OfferStatus.APPROVED;
import static uk.sse.directory.model.OfferStatus.CHANGES_REQUESTED;
import static uk.sse.directory.model.OfferStatus.DRAFT;
import static uk.sse.directory.model.OfferStatus.REJECTED;
import static uk.sse.directory.model.OfferStatus.SUBMITTED;
import static uk.sse.directory.model.OfferStatus.SUSPENDED;
import static uk.sse.directory.model.OfferStatus.WITHDRAWN;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import uk.sse.directory.model.OfferLifecycle.Move;
import uk.sse.directory.model.OfferLifecycle.Request;

/**
 * Random runs of requests against one offer, from DRAFT. Each request is checked against the rules written out
 * here independently of {@link OfferLifecycle}; the lifecycle does not check who asks, so neither do the runs.
 */
class OfferLifecyclePropertyTest {

    /** For each status, the actions it allows and where each leads. */
    private static final Map<OfferStatus, Map<AssuranceAction, OfferStatus>> RULES = Map.of(
            DRAFT, Map.of(SUBMIT, SUBMITTED, EDIT, DRAFT, WITHDRAW, WITHDRAWN),
            SUBMITTED,
                    Map.of(
                            APPROVE,
                            APPROVED,
                            REJECT,
                            REJECTED,
                            REQUEST_CHANGES,
                            CHANGES_REQUESTED,
                            WITHDRAW,
                            WITHDRAWN),
            CHANGES_REQUESTED, Map.of(SUBMIT, SUBMITTED, EDIT, CHANGES_REQUESTED, WITHDRAW, WITHDRAWN),
            APPROVED, Map.of(SUSPEND, SUSPENDED, EDIT, SUBMITTED, WITHDRAW, WITHDRAWN),
            REJECTED, Map.of(EDIT, DRAFT, WITHDRAW, WITHDRAWN),
            SUSPENDED, Map.of(APPROVE, APPROVED, EDIT, SUBMITTED, WITHDRAW, WITHDRAWN),
            WITHDRAWN, Map.of());

    private static final Set<AssuranceAction> NEED_A_REASON = Set.of(REJECT, REQUEST_CHANGES, SUSPEND);

    /**
     * One request of a run: what is asked, the details sent with it, and how many days after the last it comes. Two
     * times in three the action is instead one the rules allow (other than WITHDRAW), picked by {@code pick}, so that
     * runs go deep into the lifecycle rather than being mostly refused.
     */
    record Step(
            AssuranceAction action,
            boolean followRules,
            int pick,
            String reason,
            Review review,
            boolean withContent,
            int daysLater) {

        AssuranceAction actionFrom(OfferStatus status) {
            List<AssuranceAction> legal = RULES.get(status).keySet().stream()
                    .filter(a -> a != WITHDRAW)
                    .sorted()
                    .toList();
            return followRules && !legal.isEmpty() ? legal.get(pick % legal.size()) : action;
        }
    }

    /** A review date relative to the day of the request. */
    record Review(int years, int days) {
        LocalDate from(LocalDate today) {
            return today.plusYears(years).plusDays(days);
        }
    }

    /** One request as played: the offer before it, the request, the answer and the day it was asked. */
    record Turn(Offer before, Request request, Move move, LocalDate today) {}

    @Provide
    Arbitrary<List<Step>> runs() {
        Arbitrary<AssuranceAction> actions = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(SUBMIT, APPROVE, REJECT, REQUEST_CHANGES, SUSPEND, EDIT)),
                Tuple.of(1, Arbitraries.just(WITHDRAW)));
        Arbitrary<String> reasons = Arbitraries.frequencyOf(
                        Tuple.of(
                                3,
                                Arbitraries.of("needs evidence of impact", "  complaint received  ", "out of scope")),
                        Tuple.of(1, Arbitraries.of("", "   ", "\n\t")))
                .injectNull(0.15);
        Arbitrary<Review> reviews = Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.integers().between(1, 1100).map(days -> new Review(0, days))),
                        Tuple.of(
                                2,
                                Arbitraries.of(
                                        new Review(0, 0),
                                        new Review(0, -1),
                                        new Review(0, 1),
                                        new Review(3, 0),
                                        new Review(3, 1),
                                        new Review(3, -1))))
                .injectNull(0.1);
        return Combinators.combine(
                        actions,
                        Arbitraries.integers().between(0, 2).map(n -> n > 0),
                        Arbitraries.integers().between(0, 11),
                        reasons,
                        reviews,
                        Arbitraries.integers().between(0, 4).map(n -> n > 0),
                        Arbitraries.integers().between(0, 120))
                .as(Step::new)
                .list()
                .ofMinSize(5)
                .ofMaxSize(40);
    }

    /** Plays a run from a fresh draft; the offer moves on only when a move is made. */
    static List<Turn> play(List<Step> run) {
        List<Turn> turns = new ArrayList<>();
        Offer offer = Offers.draft();
        Instant at = Offers.CREATED;
        int edits = 0;
        for (Step step : run) {
            at = at.plus(Duration.ofDays(step.daysLater()).plusMinutes(7));
            LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
            OfferContent content = step.withContent()
                    ? Offers.content().title("edit " + ++edits).build()
                    : null;
            AssuranceAction action = step.actionFrom(offer.status());
            Request request = new Request(
                    action,
                    action.actor().name().toLowerCase() + "-1",
                    at,
                    step.reason(),
                    step.review() == null ? null : step.review().from(today),
                    content);
            Move move = OfferLifecycle.apply(offer, request);
            turns.add(new Turn(offer, request, move, today));
            if (move instanceof Move.Made made) {
                offer = made.offer();
            }
        }
        return turns;
    }

    /** The part of a request the rules find missing, or null if it is complete. */
    static String missingPart(Request request, LocalDate today) {
        boolean blankReason = request.reason() == null || request.reason().isBlank();
        if (NEED_A_REASON.contains(request.action()) && blankReason) {
            return "reason";
        }
        LocalDate review = request.reviewDate();
        if (request.action() == APPROVE
                && (review == null || !review.isAfter(today) || review.isAfter(today.plusYears(3)))) {
            return "reviewDate";
        }
        if (request.action() == EDIT && request.newContent() == null) {
            return "body";
        }
        return null;
    }

    @Property(tries = 300)
    void aRequestIsMadeRefusedOrIncompleteExactlyAsTheRulesSay(@ForAll("runs") List<Step> run) {
        for (Turn turn : play(run)) {
            boolean allowed =
                    RULES.get(turn.before().status()).containsKey(turn.request().action());
            String missing = missingPart(turn.request(), turn.today());
            if (!allowed) {
                assertThat(turn.move()).as(describe(turn)).isInstanceOf(Move.Refused.class);
            } else if (missing != null) {
                assertThat(turn.move())
                        .as(describe(turn))
                        .isInstanceOfSatisfying(
                                Move.Incomplete.class,
                                incomplete -> assertThat(incomplete.field()).isEqualTo(missing));
            } else {
                assertThat(turn.move()).as(describe(turn)).isInstanceOf(Move.Made.class);
            }
            Statistics.label("answer").collect(turn.move().getClass().getSimpleName());
        }
        Statistics.label("answer").coverage(c -> {
            c.check("Made").count(n -> n > 500);
            c.check("Refused").count(n -> n > 500);
            c.check("Incomplete").count(n -> n > 50);
        });
    }

    @Property(tries = 300)
    void aRefusalListsExactlyWhatTheStatusAllowsAndNotWhatWasAsked(@ForAll("runs") List<Step> run) {
        for (Turn turn : play(run)) {
            if (turn.move() instanceof Move.Refused refused) {
                List<String> expected = Arrays.stream(AssuranceAction.values())
                        .filter(RULES.get(turn.before().status())::containsKey)
                        .map(Enum::name)
                        .toList();
                assertThat(refused.allowed())
                        .as(describe(turn))
                        .isEqualTo(OfferLifecycle.allowedActions(turn.before().status()))
                        .isEqualTo(expected)
                        .doesNotContain(turn.request().action().name());
            }
        }
    }

    @Property(tries = 300)
    void everyMadeMoveAddsOneVersionAndOneMatchingRecord(@ForAll("runs") List<Step> run) {
        for (Turn turn : play(run)) {
            if (!(turn.move() instanceof Move.Made made)) {
                continue;
            }
            Offer before = turn.before();
            Offer after = made.offer();
            Request request = turn.request();
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(after.history()).hasSize(before.history().size() + 1);
            assertThat(after.history().subList(0, before.history().size())).isEqualTo(before.history());
            String reason = request.reason() == null || request.reason().isBlank()
                    ? null
                    : request.reason().strip();
            LocalDate review = request.action() == APPROVE ? request.reviewDate() : null;
            assertThat(after.history().getLast())
                    .as(describe(turn))
                    .isEqualTo(new AssuranceRecord(
                            request.at(),
                            request.by(),
                            request.action(),
                            before.status(),
                            after.status(),
                            reason,
                            review,
                            after.version()));
            assertThat(after.updatedAt()).isEqualTo(request.at());
            assertThat(List.of(after.id(), after.providerId(), after.createdAt(), after.area()))
                    .isEqualTo(List.of(before.id(), before.providerId(), before.createdAt(), before.area()));
        }
    }

    @Property(tries = 300)
    void aMadeMoveGoesWhereTheRulesSayAndOnlyAnEditChangesTheContent(@ForAll("runs") List<Step> run) {
        for (Turn turn : play(run)) {
            if (turn.move() instanceof Move.Made made) {
                AssuranceAction action = turn.request().action();
                assertThat(made.offer().status())
                        .as(describe(turn))
                        .isEqualTo(RULES.get(turn.before().status()).get(action));
                assertThat(made.offer().content())
                        .isEqualTo(
                                action == EDIT
                                        ? turn.request().newContent()
                                        : turn.before().content());
                Statistics.label("move")
                        .collect(turn.before().status() + " -" + action + "-> "
                                + made.offer().status());
            }
        }
        Statistics.label("move").coverage(c -> {
            c.check("APPROVED -EDIT-> SUBMITTED").count(n -> n > 0);
            c.check("SUSPENDED -EDIT-> SUBMITTED").count(n -> n > 0);
            c.check("REJECTED -EDIT-> DRAFT").count(n -> n > 0);
            c.check("SUSPENDED -APPROVE-> APPROVED").count(n -> n > 0);
        });
    }

    @Property(tries = 300)
    void advisersSeeAnOfferOnlyWhileItIsApprovedAndNotPastItsReviewDate(@ForAll("runs") List<Step> run) {
        for (Turn turn : play(run)) {
            List<Offer> offers = turn.move() instanceof Move.Made made
                    ? List.of(turn.before(), made.offer())
                    : List.of(turn.before());
            for (Offer offer : offers) {
                LocalDate review = offer.reviewDate();
                if (offer.status() == APPROVED) {
                    assertThat(review).as("an approved offer has a review date").isNotNull();
                } else if (offer.status() != SUSPENDED) {
                    assertThat(review)
                            .as("only approved and suspended offers keep a review date")
                            .isNull();
                }
                List<LocalDate> days = review == null
                        ? List.of(turn.today(), turn.today().plusYears(4))
                        : List.of(turn.today(), review.minusDays(1), review, review.plusDays(1));
                for (LocalDate day : days) {
                    boolean expected = offer.status() == APPROVED && !day.isAfter(review);
                    assertThat(offer.visibleToAdvisers(day))
                            .as("%s on %s, review %s", offer.status(), day, review)
                            .isEqualTo(expected);
                }
            }
            if (turn.move() instanceof Move.Made made && made.offer().status() == APPROVED) {
                assertThat(made.offer().visibleToAdvisers(turn.today()))
                        .as("visible on the day it is approved")
                        .isTrue();
            }
        }
    }

    @Property(tries = 300)
    void aWithdrawnOfferIsRefusedEverything(@ForAll("runs") List<Step> run) {
        boolean withdrawn = false;
        for (Turn turn : play(run)) {
            if (turn.before().status() == WITHDRAWN) {
                withdrawn = true;
                assertThat(turn.move())
                        .as(describe(turn))
                        .isInstanceOfSatisfying(
                                Move.Refused.class,
                                refused -> assertThat(refused.allowed()).isEmpty());
            }
        }
        Statistics.label("asked after withdrawal").collect(withdrawn);
        Statistics.label("asked after withdrawal").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    private static String describe(Turn turn) {
        Request r = turn.request();
        return turn.before().status() + " given " + r.action() + " on " + turn.today() + " (reason " + r.reason()
                + ", review " + r.reviewDate() + ", content " + (r.newContent() != null) + ")";
    }
}
