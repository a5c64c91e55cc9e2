package uk.sse.directory.register;

import java.time.Instant;
import uk.sse.contracts.directory.DirectoryEvent.SchoolClosed;
import uk.sse.contracts.directory.DirectoryEvent.SchoolMoved;

/** The events an import of the register publishes about a school (docs/events.md, "The school register"). */
public final class SchoolEvents {

    private SchoolEvents() {}

    /** {@code after} is in another LA than {@code before}; the event belongs to the new one. */
    public static SchoolMoved moved(School before, School after, String importId, Instant at) {
        return new SchoolMoved(
                at,
                area(after),
                after.urn(),
                after.name(),
                before.laCode(),
                before.laName(),
                after.laCode(),
                after.laName(),
                importId);
    }

    /** {@code school} is closed: by the register, or because {@code reason} (it left the register's file). */
    public static SchoolClosed closed(School school, String reason, String importId, Instant at) {
        return new SchoolClosed(
                at, area(school), school.urn(), school.name(), school.laCode(), school.closedOn(), reason, importId);
    }

    private static String area(School school) {
        return school.laCode() == null ? "unknown" : school.laCode();
    }
}
