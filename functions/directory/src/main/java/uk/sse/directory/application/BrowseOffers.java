package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferStatus;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/**
 * Reads offers as the caller may see them: advisers and everyone else see only approved offers whose
 * review date has not passed; providers see their own in every state; assurers and admins their area's.
 */
@Singleton
public class BrowseOffers {

    private final OfferStore offers;
    private final Clock clock;

    public BrowseOffers(OfferStore offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    public Outcome<Offer> one(Caller caller, String id) {
        Optional<Offer> offer = offers.find(id);
        return offer.isPresent() && DirectoryPolicy.maySee(caller, offer.get(), today())
                ? Outcome.done(offer.get())
                : Outcome.notFound("offer " + id);
    }

    /** Every version of an offer, for those who may see it in every state. */
    public Outcome<List<Offer>> versions(Caller caller, String id) {
        Optional<Offer> offer = offers.find(id);
        if (offer.isEmpty() || !DirectoryPolicy.maySee(caller, offer.get(), today())) {
            return Outcome.notFound("offer " + id);
        }
        if (!DirectoryPolicy.maySeeEveryState(caller, offer.get())) {
            return Outcome.forbidden("only the provider and the area's assurers and admins see an offer's history");
        }
        return Outcome.done(offers.versions(id));
    }

    /** What advisers may choose from, optionally in one area. */
    public Page<Offer> visible(String area, PageRequest page) {
        return offers.approvedAndCurrent(area, today(), page);
    }

    /** An area's offers in one status: the assurance queue when the status is SUBMITTED. */
    public Outcome<Page<Offer>> inStatus(Caller caller, String area, OfferStatus status, PageRequest page) {
        if (status == OfferStatus.APPROVED && !DirectoryPolicy.mayReviewArea(caller, area)) {
            return Outcome.done(visible(area, page));
        }
        if (!DirectoryPolicy.mayReviewArea(caller, area)) {
            return Outcome.forbidden(
                    "only assurers and admins of area " + area + " may list its " + status + " offers");
        }
        return Outcome.done(offers.inStatus(status, area, page));
    }

    /** A provider's offers: all of them for the provider itself and its area's reviewers, else only the visible. */
    public Page<Offer> ofProvider(Caller caller, String providerId, PageRequest page) {
        Page<Offer> all = offers.ofProvider(providerId, page);
        LocalDate today = today();
        return new Page<>(
                all.items().stream()
                        .filter(o -> DirectoryPolicy.maySee(caller, o, today))
                        .toList(),
                all.next());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
