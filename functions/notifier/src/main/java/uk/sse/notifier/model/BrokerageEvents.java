package uk.sse.notifier.model;

import java.util.Optional;
import uk.sse.contracts.Fields;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.kernel.events.EventEnvelope;

/**
 * The brokerage's events as the notifier reads them, through the contract's one reader ({@link BrokerageEvent#read}):
 * an event that does not meet its contract is one the notifier says nothing particular about, never a failed batch.
 */
public final class BrokerageEvents {

    private BrokerageEvents() {}

    /** The brokerage's event, if {@code e} is one of a type this notifier knows and meets its contract. */
    public static Optional<BrokerageEvent> read(EventEnvelope e) {
        try {
            return e.type().startsWith("brokerage.")
                    ? BrokerageEvent.read(e.type(), e.occurredAt(), e.area(), e.data())
                    : Optional.empty();
        } catch (Fields.Unreadable unreadable) {
            return Optional.empty();
        }
    }

    /** What a brokerage event says of its request, a type newer than this notifier's included. */
    public static Optional<BrokerageEvent.Request> request(EventEnvelope e) {
        try {
            return e.type().startsWith("brokerage.")
                    ? Optional.of(BrokerageEvent.requestOf(e.type(), e.data()))
                    : Optional.empty();
        } catch (Fields.Unreadable unreadable) {
            return Optional.empty();
        }
    }
}
