package uk.sse.ledger.application;

import java.util.List;
import java.util.function.Predicate;
import uk.sse.ledger.model.Transfer;

/** Where the transfers a person asked for or resolved are found and, on erasure, their subject replaced. */
public interface PersonalTransfers {

    /** Every transfer of the area that {@code keeps} (an admin's rare search: it reads the area's transfers). */
    List<Transfer> inArea(String area, Predicate<Transfer> keeps);

    /**
     * Replaces {@code subject} by {@code tombstone} wherever it stands in the transfer's requester and resolver (and
     * whom they acted for) and in its events, in one write; false if the transfer was resolved meanwhile.
     */
    boolean erase(Transfer transfer, String subject, String tombstone);
}
