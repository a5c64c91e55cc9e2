package uk.sse.directory.model;

import java.time.Instant;
import java.util.Objects;
import uk.sse.kernel.area.Area;

/**
 * An area as the directory keeps it (decision 0082): the area (id, name, kind, membership rules over the register), its
 * settings (whether its schools may raise requests for themselves, decision 0081), the version each change makes (1
 * when first defined) and who changed it last, when.
 */
public record DirectoryArea(
        Area area, boolean schoolsRaiseRequests, long version, Instant updatedAt, String updatedBy) {

    public DirectoryArea {
        Objects.requireNonNull(area, "area");
    }

    public String id() {
        return area.id();
    }
}
