package uk.sse.directory.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Map;
import uk.sse.directory.model.GeoPoint;

/**
 * A school found in the search index, enough to pick it and place it on a map; {@code open} false for a school GIAS
 * has closed, {@code closedOn} the day (decision 0062).
 */
@Serdeable
public record SchoolHit(
        String urn,
        String name,
        String laCode,
        String laName,
        String phase,
        String town,
        String postcode,
        GeoPoint location,
        boolean open,
        @Nullable LocalDate closedOn) {

    static SchoolHit from(Map<String, Object> hit) {
        Map<String, Object> s = SearchResponse.map(hit.get("_source"));
        Map<String, Object> at = SearchResponse.map(s.get("location"));
        GeoPoint location = at.get("lat") instanceof Number lat
                        && at.get("lon") instanceof Number lon
                        && GeoPoint.valid(lat.doubleValue(), lon.doubleValue())
                ? new GeoPoint(lat.doubleValue(), lon.doubleValue())
                : null;
        return new SchoolHit(
                (String) s.get("urn"),
                (String) s.get("name"),
                (String) s.get("laCode"),
                (String) s.get("laName"),
                (String) s.get("phase"),
                (String) s.get("town"),
                (String) s.get("postcode"),
                location,
                !SearchSchools.CLOSED_DOC.equals(s.get("status")),
                s.get("closedOn") instanceof String day ? LocalDate.parse(day) : null);
    }
}
