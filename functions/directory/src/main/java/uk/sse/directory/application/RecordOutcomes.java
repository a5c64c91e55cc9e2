package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import uk.sse.contracts.Fields;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.kernel.events.EventEnvelope;

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
        Optional<BrokerageEvent> read;
        try {
            read = BrokerageEvent.read(event.type(), event.occurredAt(), event.area(), event.data());
        } catch (Fields.Unreadable unreadable) {
            return false; // an event that does not meet its contract says nothing of an offer
        }
        return switch (read.orElse(null)) {
            case BrokerageEvent.EngagementCompleted c ->
                c.engagement().daysDelivered() > 0
                        && offers.recordOutcome(
                                c.engagement().offerId(),
                                c.request().requestId() + "#COMPLETED",
                                true,
                                null,
                                clock.instant());
            case BrokerageEvent.EngagementEvaluated v ->
                "IMPACT".equals(v.rating())
                        && v.score() >= 1
                        && v.score() <= 5
                        && offers.recordOutcome(
                                v.offerId(), v.request().requestId() + "#IMPACT", false, v.score(), clock.instant());
            case null, default -> false;
        };
    }
}
