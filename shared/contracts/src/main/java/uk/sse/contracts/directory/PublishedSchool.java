package uk.sse.contracts.directory;

import java.util.Map;
import uk.sse.contracts.Fields;

/**
 * A school's register entry as the directory publishes it ({@link PublishedItems.Kind#SCHOOL}): the attributes of its
 * profile item that other functions mirror (the indexer's schools documents, reporting's schools). The directory writes
 * these attributes from this record, and consumers read them only through {@link #from}; the register's other
 * attributes (address lines, ages, trust, Ofsted, SEND provision, import stamps) are the directory's own.
 * {@code laCode} and {@code laName} are the local authority's; {@code type} and {@code phase} are GIAS's words.
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
        Double lon)
        implements PublishedItems.Item {

    /** The version of this shape. */
    public static final int VERSION = 1;

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
                lon);
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
                lon == null ? null : lon.doubleValue());
    }
}
