package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import uk.sse.directory.model.AssuranceAction;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.OfferLifecycle;
import uk.sse.directory.model.OfferRules;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * Every change to an existing offer: the provider's edits, submission and withdrawal, and the assurer's
 * decisions. Each is checked against who is asking, the offer's state and, where given, the version the
 * caller last saw.
 */
@Singleton
public class MoveOfferThroughAssurance {

    private final OfferStore offers;
    private final Clock clock;

    public MoveOfferThroughAssurance(OfferStore offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    /** The provider's new content; editing needs the version the caller last read. */
    public Outcome<Offer> edit(Caller caller, String offerId, long expectedVersion, OfferContent content) {
        List<Outcome.Violation> violations = OfferRules.check(content, Taxonomy.standard());
        return move(
                caller,
                offerId,
                OptionalLong.of(expectedVersion),
                AssuranceAction.EDIT,
                null,
                null,
                content,
                violations);
    }

    public Outcome<Offer> decide(
            Caller caller,
            String offerId,
            OptionalLong expectedVersion,
            AssuranceAction action,
            String reason,
            LocalDate reviewDate) {
        if (action == AssuranceAction.EDIT) {
            return Outcome.invalid("/action", "content is changed with PUT /offers/{id}");
        }
        return move(caller, offerId, expectedVersion, action, reason, reviewDate, null, List.of());
    }

    private Outcome<Offer> move(
            Caller caller,
            String offerId,
            OptionalLong expectedVersion,
            AssuranceAction action,
            String reason,
            LocalDate reviewDate,
            OfferContent content,
            List<Outcome.Violation> violations) {
        Optional<Offer> found = offers.find(offerId);
        LocalDate today = LocalDate.now(clock);
        if (found.isEmpty() || !DirectoryPolicy.maySee(caller, found.get(), today)) {
            return Outcome.notFound("offer " + offerId);
        }
        Offer offer = found.get();
        if (!DirectoryPolicy.mayTake(caller, action, offer)) {
            return Outcome.forbidden(
                    switch (action.actor()) {
                        case PROVIDER ->
                            "only provider " + offer.providerId() + " or an admin of area " + offer.area() + " may "
                                    + verb(action) + " this offer";
                        case ASSURER ->
                            "only an assurer of area " + offer.area() + " may " + verb(action) + " this offer";
                    });
        }
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != offer.version()) {
            return new Outcome.Stale<>(offer.version());
        }
        if (!violations.isEmpty()) {
            return Outcome.invalid(violations);
        }
        OfferContent located = content != null && content.location() == null
                ? content.locatedAt(offer.content().location())
                : content;
        var request =
                new OfferLifecycle.Request(action, caller.subject(), clock.instant(), reason, reviewDate, located);
        return switch (OfferLifecycle.apply(offer, request)) {
            case OfferLifecycle.Move.Refused refused -> Outcome.conflict(refused.why(), refused.allowed());
            case OfferLifecycle.Move.Incomplete incomplete ->
                Outcome.invalid("/" + incomplete.field(), incomplete.message());
            case OfferLifecycle.Move.Made made ->
                offers.update(made.offer(), offer.version())
                        ? Outcome.done(made.offer())
                        : new Outcome.Stale<>(
                                offers.find(offerId).map(Offer::version).orElse(offer.version()));
        };
    }

    private static String verb(AssuranceAction action) {
        return action.name().toLowerCase().replace('_', ' ');
    }
}
