package uk.sse.brokerage.application;

import java.util.List;
import java.util.function.Predicate;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.kernel.events.EventEnvelope;

/** Where a person's part in requests is found and, on erasure, rewritten: the requests of an area and their event logs. */
public interface PersonalRecords {

    /** An event of a request's log, by its key in the log. */
    record LoggedEvent(String key, EventEnvelope event) {}

    /** Every request of the area that {@code keeps}, read whole (an admin's rare search: it reads the area's requests). */
    List<BrokerageRequest> inArea(String area, Predicate<BrokerageRequest> keeps);

    /** The request's event log, oldest first. */
    List<LoggedEvent> events(String requestId);

    /**
     * Replaces the request by {@code rewritten} and each of {@code events} (already in the log) in one write, if the
     * request is still at {@code rewritten.version()}; false if it moved meanwhile.
     */
    boolean rewrite(BrokerageRequest rewritten, List<LoggedEvent> events);
}
