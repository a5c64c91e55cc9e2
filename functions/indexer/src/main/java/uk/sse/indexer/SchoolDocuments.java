package uk.sse.indexer;

import static uk.sse.indexer.OfferDocuments.put;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.sse.kernel.dynamo.Items;

/** The directory's published school ({@code PublishedItems.Kind.SCHOOL}) as a document of the schools index. */
public final class SchoolDocuments {

    private SchoolDocuments() {}

    public static Map<String, Object> document(Items item, long version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        put(doc, "urn", item.s("urn"));
        put(doc, "name", item.s("name"));
        put(doc, "laCode", item.s("laCode"));
        put(doc, "laName", item.s("laName"));
        put(doc, "type", item.s("type"));
        put(doc, "phase", item.s("phase"));
        put(doc, "town", item.s("town"));
        put(doc, "postcode", item.s("postcode"));
        put(doc, "location", Locations.of(item));
        doc.put("version", version);
        return doc;
    }
}
