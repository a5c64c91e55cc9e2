package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.notifier.model.Watches;

/**
 * Keeps, from the brokerage and directory events the notifier reads, the dates it must remind people of
 * ({@link Watches}), in stream order. A record whose watch could not be stored is reported, to come again; an event read
 * again changes nothing (its version is not newer).
 */
@Singleton
public class WatchDates {

    private static final Logger LOG = LoggerFactory.getLogger(WatchDates.class);

    private final WatchStore watches;

    public WatchDates(WatchStore watches) {
        this.watches = watches;
    }

    /** The ids of the records to read again. */
    public List<String> watch(List<DeliverEvents.Incoming> events) {
        List<String> failed = new ArrayList<>();
        for (DeliverEvents.Incoming in : events) {
            Optional<String> key = Watches.keyOf(in.event());
            if (key.isEmpty()) {
                continue;
            }
            try {
                switch (Watches.apply(watches.get(key.get()).orElse(null), in.event())) {
                    case Watches.Change.Put put -> watches.put(put.watch());
                    case Watches.Change.Forget forget -> watches.forget(forget.key());
                    case Watches.Change.Keep keep -> {}
                }
            } catch (RuntimeException notStored) {
                LOG.warn("cannot keep the dates of {}: {}", in.event().id(), notStored.toString());
                failed.add(in.recordId());
            }
        }
        return failed;
    }
}
