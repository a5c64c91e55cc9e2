package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.OfferRules;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.taxonomy.Taxonomy;

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

    /** The result of drafting: the offer, and whether it was made by an earlier request with the same key. */
    public record Drafted(Offer offer, boolean replayed) {}

    /** Drafts an offer; with an idempotency key, a retry of the same request returns the offer it made. */
    public Outcome<Drafted> draft(Caller caller, String providerId, OfferContent content, String idempotencyKey) {
        IdempotencyKey key = idempotencyKey == null
                ? null
                : IdempotencyKey.of(caller.subject(), idempotencyKey, providerId + content);
        if (key != null) {
            Optional<Outcome<Drafted>> replay = replay(caller, key);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Outcome<Offer> made = make(caller, providerId, content, key);
        if (key != null && made instanceof Outcome.Conflict<Offer>) {
            return replay(caller, key).orElseGet(() -> made.map(o -> new Drafted(o, false)));
        }
        return made.map(o -> new Drafted(o, false));
    }

    private Optional<Outcome<Drafted>> replay(Caller caller, IdempotencyKey key) {
        return offers.priorRequest(key)
                .map(prior -> key.sameRequestAs(prior.requestHash())
                        ? offers.find(prior.resultId())
                                .<Outcome<Drafted>>map(o -> Outcome.done(new Drafted(o, true)))
                                .orElseGet(() -> Outcome.notFound("offer " + prior.resultId()))
                        : Outcome.invalid(IdempotencyKey.HEADER, "was already used for a different request"));
    }

    private Outcome<Offer> make(Caller caller, String providerId, OfferContent content, IdempotencyKey key) {
        Optional<Provider> provider = providers.find(providerId);
        if (provider.isEmpty()) {
            return Outcome.invalid("/providerId", "provider " + providerId + " is not registered");
        }
        Provider p = provider.get();
        if (!DirectoryPolicy.mayManageProvider(caller, p.id(), p.area())) {
            return Outcome.forbidden(
                    "only provider " + p.id() + " or an admin of area " + p.area() + " may publish its offers");
        }
        List<Outcome.Violation> violations = OfferRules.check(content, Taxonomy.standard());
        if (!violations.isEmpty()) {
            return Outcome.invalid(violations);
        }
        OfferContent located =
                content.location() == null && p.location() != null ? content.locatedAt(p.location()) : content;
        Instant now = clock.instant();
        Offer offer = new Offer(
                Ids.newId("off", clock),
                p.id(),
                p.name(),
                p.type(),
                p.area(),
                p.verifiedDesignations(),
                located,
                OfferStatus.DRAFT,
                null,
                List.of(),
                1,
                now,
                now,
                null);
        if (!offers.create(offer, key)) {
            return Outcome.conflict("the idempotency key was claimed by a concurrent request", List.of());
        }
        return Outcome.done(offer);
    }
}
