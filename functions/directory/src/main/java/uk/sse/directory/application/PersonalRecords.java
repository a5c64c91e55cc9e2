package uk.sse.directory.application;

import java.util.List;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.events.EventEnvelope;

/** Where a person's part in offers is rewritten on erasure: an offer's every stored version and its events, a provider and its events. */
public interface PersonalRecords {

    /** An event of an offer's log, by its key in the log. */
    record LoggedEvent(String key, EventEnvelope event) {}

    /** The offer's event log, oldest first. */
    List<LoggedEvent> events(String offerId);

    /**
     * Replaces the offer's current item by {@code current}, and each of {@code versions} and {@code events} (already
     * stored) in place, in one write, if the offer is still at {@code current}'s version and quality signals; false if
     * it moved meanwhile.
     */
    boolean rewrite(Offer current, List<Offer> versions, List<LoggedEvent> events);

    /** The provider's event log (its designation decisions), oldest first. */
    List<LoggedEvent> providerEvents(String providerId);

    /**
     * Replaces the provider in place, and each of {@code events} (already stored), if it is still at
     * {@code rewritten.version()}; false if it moved meanwhile.
     */
    boolean rewrite(Provider rewritten, List<LoggedEvent> events);
}
