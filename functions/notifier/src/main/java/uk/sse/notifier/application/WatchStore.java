package uk.sse.notifier.application;

import java.util.List;
import java.util.Optional;
import uk.sse.notifier.model.Watch;

/** The dates the notifier watches, one {@link Watch} per open request and assured offer. */
public interface WatchStore {

    Optional<Watch> get(String key);

    void put(Watch watch);

    void forget(String key);

    /** Every watch, a page at a time: {@code after} is the last key of the previous page (null for the first). */
    List<Watch> page(String after, int size);

    /** The watches of the open requests of the school with this URN (decision 0108). */
    List<Watch> onSchool(String urn);
}
