package uk.sse.directory.application;

import jakarta.inject.Singleton;
import uk.sse.kernel.events.EventEnvelope;

import java.time.Clock;
import java.util.Map;

/**
 * What brokerage's events say of an offer's track record, recorded once each: an engagement completed with support
 * delivered counts towards the offer's completed engagements, and the adviser's impact rating towards its average.
 * The outcome's key is the request and what happened, so a repeated or replayed event changes nothing.
 */
@Singleton
public class RecordOutcomes {

    private final OfferStore offers;
    private final Clock clock;

    public RecordOutcomes(OfferStore offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    /** Whether the event changed an offer's signals (false for other events, repeats and offers that are gone). */
    public boolean record(EventEnvelope event) {
        Map<String, Object> d = event.data();
        return switch (event.type()) {
            case "brokerage.engagement.completed" -> d.get("engagement") instanceof Map<?, ?> e
                    && e.get("offerId") instanceof String offer && e.get("daysDelivered") instanceof Number days && days.intValue() > 0
                    && offers.recordOutcome(offer, d.get("requestId") + "#COMPLETED", true, null, clock.instant());
            case "brokerage.engagement.evaluated" -> "IMPACT".equals(d.get("rating")) && d.get("offerId") instanceof String offer
                    && d.get("score") instanceof Number score && score.intValue() >= 1 && score.intValue() <= 5
                    && offers.recordOutcome(offer, d.get("requestId") + "#IMPACT", false, score.intValue(), clock.instant());
            default -> false;
        };
    }
}
