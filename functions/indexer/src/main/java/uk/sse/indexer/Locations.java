package uk.sse.indexer;

import java.util.Map;
import uk.sse.kernel.dynamo.Items;

/** An item's {@code lat}/{@code lon} as a geo_point, when it has both. */
final class Locations {

    private Locations() {}

    static Map<String, Object> of(Items item) {
        Double lat = item.d("lat");
        Double lon = item.d("lon");
        return lat == null || lon == null ? null : Map.of("lat", lat, "lon", lon);
    }
}
