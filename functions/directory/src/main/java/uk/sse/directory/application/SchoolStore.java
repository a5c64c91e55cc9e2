package uk.sse.directory.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolPlaces;
import uk.sse.directory.register.SchoolStatus;
import uk.sse.kernel.events.EventEnvelope;

/** The school register as the directory keeps it. */
public interface SchoolStore {

    /** How the last import that changed a school changed it. */
    enum Change {
        CREATED,
        UPDATED,
        MOVED,
        CLOSED
    }

    /**
     * A school as stored, with the import that last changed it and how: a run that takes over a killed import
     * finds the rows its predecessor had written and counts them as that run did, not as unchanged.
     */
    record Stored(School school, String lastImport, Change lastChange) {}

    /** A school to write, and the import writing it. */
    record Write(School school, String importId, Change change) {}

    Optional<School> find(String urn);

    /** The stored schools among these URNs, by URN. */
    Map<String, Stored> findAll(Collection<String> urns);

    /** Writes the schools in batches, backing off while the table sheds load. */
    void putAll(Collection<Write> writes);

    /**
     * Writes a school and the event that reports its change (a move to another local authority, a closure) in one
     * transaction; an event already written (the same import, run again) is left as it is.
     */
    void putWithEvent(Write write, EventEnvelope event);

    /** Every stored school, a page at a time, in no particular order. */
    void forEach(Consumer<List<Stored>> page);

    /**
     * The record of every school's place as the last import wrote it ({@link #putPlaces}); empty when there is none,
     * or when it is being rewritten (its parts are of two writes).
     */
    Optional<SchoolPlaces> places();

    /** Replaces the record of every school's place. */
    void putPlaces(SchoolPlaces places);

    /** Schools of {@code status} whose name starts with the words given, optionally in one local authority. */
    List<School> withNameStarting(String query, String laCode, SchoolStatus status, int limit);
}
