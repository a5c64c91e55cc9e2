package uk.sse.local.demo;

import static uk.sse.directory.model.AssuranceAction.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import uk.sse.directory.model.AssuranceAction;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.OfferLifecycle;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.ids.Ids;

/**
 * Offers with assurance histories in the past, made by the product's own state machine ({@link OfferLifecycle}), so
 * every history is one the product could have written.
 */
final class AssuranceHistories {

    /** Where an offer ends up, and roughly what share of offers do. */
    enum Fate {
        VISIBLE(0),
        SUBMITTED(0.08),
        DRAFT(0.04),
        CHANGES_REQUESTED(0.03),
        EXPIRED(0.04),
        SUSPENDED(0.025),
        REJECTED(0.005);

        final double share;

        Fate(double share) {
            this.share = share;
        }
    }

    private static final Map<AssuranceAction, List<String>> REASONS = Map.of(
            REQUEST_CHANGES,
                    List.of(
                            "Please add evidence of impact from at least one school supported in the last two years.",
                            "Say how many half days the price covers; the capacity and the price do not match.",
                            "Name the lead practitioner's role and confirm that their safeguarding training is current.",
                            "The description promises more than the evidence shows; please make the claims more modest."),
            REJECT,
                    List.of(
                            "This duplicates an assured offer from the same provider; please edit that one instead.",
                            "This is the sale of a product rather than support from practitioners, so it is outside the directory's scope.",
                            "There is no evidence of impact yet; please resubmit once the pilot has run."),
            SUSPEND,
                    List.of(
                            "Suspended while a complaint from a supported school is investigated.",
                            "The lead practitioner has left; suspended until a replacement is confirmed.",
                            "Safeguarding training records are out of date; suspended until they are renewed.",
                            "Suspended at the provider's request: no capacity until next term."));

    /** The assurance moves an offer went through, the day of the last one, and the review date of its approval. */
    private record Plan(List<AssuranceAction> path, LocalDate last, LocalDate review) {}

    private final LocalDate today;
    private final Random random;

    AssuranceHistories(LocalDate today, Random random) {
        this.today = today;
        this.random = random;
    }

    /** Every fate at least once and each in about its share; the rest visible. */
    static List<Fate> deal(int offers, Random random) {
        List<Fate> fates = new ArrayList<>();
        for (Fate fate : Fate.values()) {
            if (fate != Fate.VISIBLE) {
                fates.addAll(Collections.nCopies((int) Math.max(1, Math.round(fate.share * offers)), fate));
            }
        }
        while (fates.size() < offers) {
            fates.add(Fate.VISIBLE);
        }
        Collections.shuffle(fates, random);
        return fates;
    }

    Offer offer(Provider provider, OfferContent content, Fate fate) {
        Plan plan = plan(fate);
        List<AssuranceAction> path = plan.path();
        LocalDate[] days = new LocalDate[path.size()];
        LocalDate day = plan.last();
        for (int i = path.size() - 1; i >= 0; i--) {
            days[i] = day;
            day = day.minusDays(path.get(i) == SUSPEND ? between(30, 300) : between(2, 20));
        }
        Instant created = at(day);
        Offer offer = new Offer(
                offerId(created),
                provider.id(),
                provider.name(),
                provider.type(),
                provider.area(),
                provider.verifiedDesignations(),
                content,
                OfferStatus.DRAFT,
                null,
                List.of(),
                1,
                created,
                created,
                null);
        for (int i = 0; i < path.size(); i++) {
            AssuranceAction action = path.get(i);
            String by = action.actor() == Actor.PROVIDER ? "provider-" + provider.id() : "assurer-" + provider.area();
            var request = new OfferLifecycle.Request(
                    action,
                    by,
                    at(days[i]),
                    action.needsReason() ? pick(REASONS.get(action)) : null,
                    action == APPROVE ? plan.review() : null,
                    null);
            if (!(OfferLifecycle.apply(offer, request) instanceof OfferLifecycle.Move.Made made)) {
                throw new IllegalStateException("the demo history of " + offer.id() + " was refused at " + action);
            }
            offer = made.offer();
        }
        return offer;
    }

    // An approval's review date must be after the day it was made and at most three years later; these ranges keep to
    // that.
    private Plan plan(Fate fate) {
        return switch (fate) {
            case VISIBLE ->
                new Plan(
                        random.nextInt(4) == 0
                                ? List.of(SUBMIT, REQUEST_CHANGES, SUBMIT, APPROVE)
                                : List.of(SUBMIT, APPROVE),
                        daysAgo(5, 400),
                        today.plusDays(between(92, 548)));
            case SUBMITTED ->
                new Plan(
                        random.nextInt(3) == 0 ? List.of(SUBMIT, REQUEST_CHANGES, SUBMIT) : List.of(SUBMIT),
                        daysAgo(1, 21),
                        null);
            case DRAFT -> new Plan(List.of(), daysAgo(1, 30), null);
            case CHANGES_REQUESTED -> new Plan(List.of(SUBMIT, REQUEST_CHANGES), daysAgo(1, 30), null);
            case EXPIRED -> {
                LocalDate review = daysAgo(1, 60);
                yield new Plan(List.of(SUBMIT, APPROVE), review.minusDays(between(365, 700)), review);
            }
            case SUSPENDED ->
                new Plan(List.of(SUBMIT, APPROVE, SUSPEND), daysAgo(2, 45), today.plusDays(between(60, 400)));
            case REJECTED -> new Plan(List.of(SUBMIT, REJECT), daysAgo(3, 90), null);
        };
    }

    /** A real-looking id (creation time, then random bits) drawn from the seed, so generation repeats. */
    private String offerId(Instant created) {
        return Ids.newId("off", created.toEpochMilli(), random);
    }

    private Instant at(LocalDate day) {
        return day.atTime(8 + random.nextInt(9), random.nextInt(60)).toInstant(ZoneOffset.UTC);
    }

    private LocalDate daysAgo(int least, int most) {
        return today.minusDays(between(least, most));
    }

    private int between(int least, int most) {
        return least + random.nextInt(most - least + 1);
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }
}
