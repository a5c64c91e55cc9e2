package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.sse.contracts.directory.DirectoryEvent.DesignationsVerified;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.DesignationEvents;
import uk.sse.directory.model.DesignationRefusal;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/**
 * Changes a provider's details, and an assurer's verification or refusal of its designations (each decision written with
 * its event, which tells the provider: decision 0088). Its type, URN and area are fixed
 * (assurance belongs to the area). Offers carry the provider's name and verified designations for search, so a change
 * to those reaches each offer as a new offer version.
 */
@Singleton
public class ReviseProvider {

    private final ProviderStore providers;
    private final OfferStore offers;
    private final Clock clock;

    public ReviseProvider(ProviderStore providers, OfferStore offers, Clock clock) {
        this.providers = providers;
        this.offers = offers;
        this.clock = clock;
    }

    public Outcome<Provider> revise(Caller caller, String id, long expectedVersion, ProviderDraft draft) {
        Optional<Provider> found = providers.find(id);
        if (found.isEmpty()) {
            return Outcome.notFound("provider " + id);
        }
        Provider current = found.get();
        if (!DirectoryPolicy.mayManageProvider(caller, id, current.area())) {
            return Outcome.forbidden(
                    "only the provider itself or an admin of area " + current.area() + " may change it");
        }
        if (current.version() != expectedVersion) {
            return new Outcome.Stale<>(current.version());
        }
        if (draft.type() != current.type()) {
            return Outcome.invalid("/type", "a provider's type cannot change (it is " + current.type() + ")");
        }
        if (!Objects.equals(draft.area(), current.area())) {
            return Outcome.invalid("/area", "a provider's area cannot change (it is " + current.area() + ")");
        }
        if (!Objects.equals(draft.urn(), current.urn())) {
            return Outcome.invalid("/urn", "a provider's URN cannot change");
        }
        Provider revised = new Provider(
                id,
                current.type(),
                draft.name(),
                current.area(),
                current.urn(),
                draft.contact(),
                draft.website(),
                draft.designations(),
                current.verifiedDesignations(), // a withdrawn claim loses its verification
                current.refusedDesignations(), // and a claim made again drops its refusal (Provider)
                draft.location() != null ? draft.location() : current.location(),
                draft.description(),
                current.version() + 1,
                current.createdAt(),
                clock.instant());
        if (!providers.update(revised, expectedVersion)) {
            return new Outcome.Stale<>(providers.find(id).map(Provider::version).orElse(current.version()));
        }
        if (!revised.name().equals(current.name())
                || !revised.verifiedDesignations().equals(current.verifiedDesignations())) {
            carryToOffers(revised);
        }
        return Outcome.done(revised);
    }

    /**
     * An assurer of the provider's area (not of the provider itself) verifies which of its claimed designations hold;
     * only these reach its offers. One not claimed cannot be verified.
     */
    public Outcome<Provider> verifyDesignations(
            Caller caller, String id, long expectedVersion, List<Designation> verified) {
        Outcome<Provider> assurable = toAssure(caller, id, expectedVersion, "verifies");
        if (!(assurable instanceof Outcome.Done<Provider> done)) {
            return assurable;
        }
        Provider current = done.value();
        for (int i = 0; i < verified.size(); i++) {
            if (!current.designations().contains(verified.get(i))) {
                return Outcome.invalid(
                        "/verified/" + i, verified.get(i) + " is not among the designations the provider claims");
            }
        }
        Provider revised = current.nextWithDesignations(
                current.designations(), verified, current.refusedDesignations(), clock.instant());
        Optional<DesignationsVerified> told = DesignationEvents.verified(current, revised, caller.subject());
        boolean written = told.isPresent()
                ? providers.update(revised, expectedVersion, told.get())
                : providers.update(revised, expectedVersion);
        if (!written) {
            return new Outcome.Stale<>(providers.find(id).map(Provider::version).orElse(current.version()));
        }
        if (!revised.verifiedDesignations().equals(current.verifiedDesignations())) {
            carryToOffers(revised);
        }
        return Outcome.done(revised);
    }

    /**
     * An assurer of the provider's area (not of the provider itself) refuses one of its claims that is not verified, with
     * the reason the provider will read; the claim is withdrawn and the refusal kept with who and when. The provider may
     * claim it again (with a better case), which drops the refusal. Verified designations, so offers, do not change.
     */
    public Outcome<Provider> refuseDesignation(
            Caller caller, String id, long expectedVersion, Designation designation, String reason) {
        Outcome<Provider> assurable = toAssure(caller, id, expectedVersion, "refuses");
        if (!(assurable instanceof Outcome.Done<Provider> done)) {
            return assurable;
        }
        Provider current = done.value();
        if (!current.designations().contains(designation)) {
            return Outcome.invalid("/designation", designation + " is not among the designations the provider claims");
        }
        if (current.verifiedDesignations().contains(designation)) {
            return Outcome.invalid(
                    "/designation",
                    designation + " is verified already; only a claim waiting to be checked is refused");
        }
        List<Designation> claimed =
                current.designations().stream().filter(d -> d != designation).toList();
        List<DesignationRefusal> refused = new ArrayList<>(current.refusedDesignations());
        refused.add(new DesignationRefusal(designation, reason.strip(), caller.subject(), clock.instant()));
        Provider revised =
                current.nextWithDesignations(claimed, current.verifiedDesignations(), refused, clock.instant());
        if (!providers.update(revised, expectedVersion, DesignationEvents.refused(revised, designation))) {
            return new Outcome.Stale<>(providers.find(id).map(Provider::version).orElse(current.version()));
        }
        return Outcome.done(revised);
    }

    /** The provider at the version read, if this caller may decide on its designations (an assurer of its area, not of it). */
    private Outcome<Provider> toAssure(Caller caller, String id, long expectedVersion, String verb) {
        Optional<Provider> found = providers.find(id);
        if (found.isEmpty()) {
            return Outcome.notFound("provider " + id);
        }
        Provider current = found.get();
        if (!DirectoryPolicy.mayAssure(caller, current.area(), current.id())) {
            return Outcome.forbidden("only an assurer of area " + current.area() + ", not of the provider itself, "
                    + verb + " its designations");
        }
        if (current.version() != expectedVersion) {
            return new Outcome.Stale<>(current.version());
        }
        return Outcome.done(current);
    }

    private void carryToOffers(Provider provider) {
        String cursor = null;
        do {
            Page<Offer> page = offers.ofProvider(provider.id(), new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (Offer offer : page.items()) {
                carryTo(offer, provider, 3);
            }
            cursor = page.next();
        } while (cursor != null);
    }

    /** Retries a few times if the offer changes under us; each try re-reads it. */
    private void carryTo(Offer offer, Provider provider, int tries) {
        Offer current = offer;
        for (int i = 0; i < tries && current != null; i++) {
            Offer carried = new Offer(
                    current.id(),
                    current.providerId(),
                    provider.name(),
                    current.providerType(),
                    current.area(),
                    provider.verifiedDesignations(),
                    current.content(),
                    current.status(),
                    current.reviewDate(),
                    current.history(),
                    current.version() + 1,
                    current.createdAt(),
                    clock.instant(),
                    current.signals());
            if (offers.update(carried, current.version())) {
                return;
            }
            current = offers.find(current.id()).orElse(null);
        }
    }
}
