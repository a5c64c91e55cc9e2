package uk.sse.directory.application;

import java.util.List;
import java.util.Optional;
import uk.sse.directory.model.DirectoryArea;

/** Where the areas defined in the directory are kept. Writes are conditional, so a lost race is reported, never overwritten. */
public interface AreaStore {

    Optional<DirectoryArea> find(String id);

    /** Every defined area, by id (there are tens, not thousands: one per LA, trust, partnership or hub that uses the service). */
    List<DirectoryArea> all();

    /** False if an area with this id is already defined. */
    boolean create(DirectoryArea area);

    /** False if the stored version is no longer {@code expectedVersion}. */
    boolean update(DirectoryArea area, long expectedVersion);
}
