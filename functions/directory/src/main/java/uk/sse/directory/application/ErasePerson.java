package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import uk.sse.directory.model.AssuranceRecord;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.model.PersonErasure;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.PersonalData;
import uk.sse.kernel.identity.Tombstone;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/**
 * An area's admin answers a person's subject-access request and erasure for the area's offers and providers
 * (docs/data-protection.md, decision 0104): the assurance steps they took and the reasons they gave, the designation
 * claims they refused, and, given their email, the offers and providers that name them as contact. Only an admin of
 * the area, in person, may do either.
 */
@Singleton
public class ErasePerson {

    /** An offer the person stands in: what they did on it and what of them it holds in words. */
    public record OfferMention(
            String offerId,
            String title,
            String providerName,
            OfferStatus status,
            List<AssuranceRecord> actions,
            List<String> texts) {}

    /** A provider the person stands in: refusals they made, or they are its contact. */
    public record ProviderMention(String providerId, String name, List<String> texts) {}

    public record Export(String subject, String area, List<OfferMention> offers, List<ProviderMention> providers) {}

    /** What an erasure changed: offers (with their versions and events) and providers rewritten. */
    public record Erased(String area, String tombstone, int offers, int versions, int events, int providers) {}

    private static final int ATTEMPTS = 5;

    private final OfferStore offers;
    private final ProviderStore providers;
    private final PersonalRecords records;
    private final Tombstone tombstones;

    public ErasePerson(OfferStore offers, ProviderStore providers, PersonalRecords records, Tombstone tombstones) {
        this.offers = offers;
        this.providers = providers;
        this.records = records;
        this.tombstones = tombstones;
    }

    public Outcome<Export> export(Caller caller, String subject, String email) {
        return PersonalData.areaAnsweredBy(caller).map(area -> {
            PersonErasure erasure = PersonErasure.of(subject, email, tombstones);
            return new Export(
                    subject,
                    area,
                    offersInArea(area)
                            .filter(erasure::involves)
                            .map(o -> new OfferMention(
                                    o.id(),
                                    o.content().title(),
                                    o.providerName(),
                                    o.status(),
                                    erasure.actionsOn(o),
                                    erasure.textsOf(o)))
                            .toList(),
                    providersInArea(area)
                            .filter(erasure::involves)
                            .map(p -> new ProviderMention(p.id(), p.name(), erasure.textsOf(p)))
                            .toList());
        });
    }

    public Outcome<Erased> erase(Caller caller, String subject, String email) {
        return PersonalData.areaAnsweredBy(caller).map(area -> {
            PersonErasure erasure = PersonErasure.of(subject, email, tombstones);
            int[] versions = {0};
            int[] events = {0};
            List<Offer> found = offersInArea(area).filter(erasure::involves).toList();
            for (Offer o : found) {
                int[] counts = rewrite(erasure, o);
                versions[0] += counts[0];
                events[0] += counts[1];
            }
            // a refusal dropped when its designation was claimed again is only in the provider's event log
            List<Provider> named = providersInArea(area)
                    .filter(p -> erasure.involves(p)
                            || !erased(erasure, records.providerEvents(p.id())).isEmpty())
                    .toList();
            named.forEach(p -> rewrite(erasure, p));
            return new Erased(area, erasure.tombstone(), found.size(), versions[0], events[0], named.size());
        });
    }

    /** Rewrites one offer, its versions and events, reading it again if it moved meanwhile: versions and events rewritten. */
    private int[] rewrite(PersonErasure erasure, Offer found) {
        Optional<Offer> current = Optional.of(found);
        for (int attempt = 1; attempt <= ATTEMPTS && current.isPresent(); attempt++) {
            List<Offer> versions = offers.versions(found.id()).stream()
                    .filter(erasure::involves)
                    .map(erasure::apply)
                    .toList();
            List<PersonalRecords.LoggedEvent> changed = erased(erasure, records.events(found.id()));
            if (records.rewrite(erasure.apply(current.get()), versions, changed)) {
                return new int[] {versions.size(), changed.size()};
            }
            current = offers.find(found.id());
        }
        throw new IllegalStateException("offer " + found.id() + " kept moving during its erasure");
    }

    private void rewrite(PersonErasure erasure, Provider found) {
        Optional<Provider> current = Optional.of(found);
        for (int attempt = 1; attempt <= ATTEMPTS && current.isPresent(); attempt++) {
            if (records.rewrite(erasure.apply(current.get()), erased(erasure, records.providerEvents(found.id())))) {
                return;
            }
            current = providers.find(found.id());
        }
        throw new IllegalStateException("provider " + found.id() + " kept moving during its erasure");
    }

    /** Of {@code log}, the events the person stands in, as the erasure leaves them. */
    private static List<PersonalRecords.LoggedEvent> erased(
            PersonErasure erasure, List<PersonalRecords.LoggedEvent> log) {
        return log.stream()
                .flatMap(e -> {
                    var after = erasure.apply(e.event());
                    return after == e.event()
                            ? Stream.empty()
                            : Stream.of(new PersonalRecords.LoggedEvent(e.key(), after));
                })
                .toList();
    }

    /** Every offer of the area, in every status (an admin's rare search: it reads the area's offers). */
    private Stream<Offer> offersInArea(String area) {
        return Stream.of(OfferStatus.values())
                .flatMap(status -> all(page -> offers.inStatus(status, area, page)).stream());
    }

    private Stream<Provider> providersInArea(String area) {
        return all(page -> providers.inArea(area, page)).stream();
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> listing) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = listing.apply(new PageRequest(PageRequest.MAX_LIMIT, cursor));
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return all;
    }
}
