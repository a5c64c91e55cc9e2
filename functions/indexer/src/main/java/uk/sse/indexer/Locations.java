package uk.sse.indexer;

import java.util.Map;

/** A published {@code lat}/{@code lon} as a geo_point, when there are both. */
final class Locations {

    private Locations() {}

    static Map<String, Object> of(Double lat, Double lon) {
        return lat == null || lon == null ? null : Map.of("lat", lat, "lon", lon);
    }
}
