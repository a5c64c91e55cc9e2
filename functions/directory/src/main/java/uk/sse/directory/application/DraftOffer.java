package uk.sse.directory.application;

import jakarta.inject.Singleton;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.OfferRules;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.taxonomy.Taxonomy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates an offer as a draft for one of the caller's providers. Without its own location it takes the provider's. */
@Singleton
public class DraftOffer {

    private final ProviderStore providers;
    private final OfferStore offers;
    private final Clock clock;

    public DraftOffer(ProviderStore providers, OfferStore offers, Clock clock) {
        this.providers = providers;
        this.offers = offers;
        this.clock = clock;
    }

    public Outcome<Offer> draft(Caller caller, String providerId, OfferContent content) {
        Optional<Provider> provider = providers.find(providerId);
        if (provider.isEmpty()) {
            return Outcome.invalid("/providerId", "provider " + providerId + " is not registered");
        }
        Provider p = provider.get();
        if (!DirectoryPolicy.mayManageProvider(caller, p.id(), p.area())) {
            return Outcome.forbidden("only provider " + p.id() + " or an admin of area " + p.area() + " may publish its offers");
        }
        List<Outcome.Violation> violations = OfferRules.check(content, Taxonomy.standard());
        if (!violations.isEmpty()) {
            return Outcome.invalid(violations);
        }
        OfferContent located = content.location() == null && p.location() != null ? content.locatedAt(p.location()) : content;
        Instant now = clock.instant();
        Offer offer = new Offer(Ids.newId("off", clock), p.id(), p.name(), p.type(), p.area(), p.designations(), located,
                OfferStatus.DRAFT, null, List.of(), 1, now, now);
        offers.create(offer);
        return Outcome.done(offer);
    }
}
