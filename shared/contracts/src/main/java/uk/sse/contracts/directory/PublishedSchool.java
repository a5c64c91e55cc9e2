package uk.sse.contracts.directory;

import java.time.LocalDate;
import java.util.Map;
import uk.sse.contracts.Fields;

/**
 * A school's register entry as the directory publishes it ({@link PublishedItems.Kind#SCHOOL}): the attributes of its
 * profile item that other functions mirror (the indexer's schools documents, reporting's schools). The directory writes
 * these attributes from this record, and consumers read them only through {@link #from}; the register's other
 * attributes (address lines, ages, trust, Ofsted, SEND provision, import stamps) are the directory's own.
 * {@code laCode} and {@code laName} are the local authority's; {@code type}, {@code phase} and {@code status} are
 * GIAS's words. A closed school ({@code status} {@value #CLOSED}, {@code closedOn} the day) stays in the register
 * (decision 0062) and is published so; a school without a status (items written before it was published) is open.
 */
public record PublishedSchool(
        String urn,
        String name,
        String laCode,
        String laName,
        String type,
        String phase,
        String town,
        String postcode,
        Double lat,
        Double lon,
        String status,
        LocalDate closedOn)
        implements PublishedItems.Item {

    /** The version of this shape: {@code status} and {@code closedOn} were added to it, optional, so it is still 1. */
    public static final int VERSION = 1;

    /** GIAS's status of a school that has closed. */
    public static final String CLOSED = "Closed";

    /** Open unless GIAS says closed (decision 0062). */
    public boolean isOpen() {
        return !CLOSED.equals(status);
    }

    /** The item's attributes: texts and numbers; absent values are left out. */
    @Override
    public Map<String, Object> attributes() {
        return PublishedItems.attributes(
                VERSION,
                "urn",
                urn,
                "name",
                name,
                "laCode",
                laCode,
                "laName",
                laName,
                "type",
                type,
                "phase",
                phase,
                "town",
                town,
                "postcode",
                postcode,
                "lat",
                lat,
                "lon",
                lon,
                "status",
                status,
                "closedOn",
                PublishedItems.text(closedOn));
    }

    /**
     * The school in an item's attributes (numbers as any {@link Number}); unknown attributes are ignored and newer
     * versions read. Items written before the shape carried a version read as version 1.
     *
     * @throws Fields.Unreadable if {@code urn} or {@code name} is missing, or an attribute is of another type
     */
    public static PublishedSchool from(Map<String, Object> attributes) {
        Fields f = Fields.of("published school", attributes, VERSION, VERSION);
        var lat = f.optionalDecimal("lat");
        var lon = f.optionalDecimal("lon");
        return new PublishedSchool(
                f.text("urn"),
                f.text("name"),
                f.optionalText("laCode"),
                f.optionalText("laName"),
                f.optionalText("type"),
                f.optionalText("phase"),
                f.optionalText("town"),
                f.optionalText("postcode"),
                lat == null ? null : lat.doubleValue(),
                lon == null ? null : lon.doubleValue(),
                f.optionalText("status"),
                f.optionalDate("closedOn"));
    }
}
