package uk.sse.indexer;

import static uk.sse.indexer.OfferDocuments.put;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.sse.contracts.directory.PublishedSchool;

/** The directory's published school ({@code PublishedItems.Kind.SCHOOL}) as a document of the schools index. */
public final class SchoolDocuments {

    private SchoolDocuments() {}

    public static Map<String, Object> document(PublishedSchool school, long version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        put(doc, "urn", school.urn());
        put(doc, "name", school.name());
        put(doc, "laCode", school.laCode());
        put(doc, "laName", school.laName());
        put(doc, "type", school.type());
        put(doc, "phase", school.phase());
        put(doc, "town", school.town());
        put(doc, "postcode", school.postcode());
        put(doc, "location", Locations.of(school.lat(), school.lon()));
        // what search filters on: open unless GIAS says closed (decision 0087)
        doc.put("status", school.isOpen() ? "open" : "closed");
        put(
                doc,
                "closedOn",
                school.closedOn() == null ? null : school.closedOn().toString());
        doc.put("version", version);
        return doc;
    }
}
