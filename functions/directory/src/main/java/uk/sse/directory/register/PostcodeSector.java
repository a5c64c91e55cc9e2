package uk.sse.directory.register;

import java.util.Map;
import java.util.Optional;
import uk.sse.directory.model.GeoPoint;

/**
 * The postcodes of one sector ("PR2 1") and where each is: the centroid of its unit, from OS Code-Point Open. A sector
 * holds up to a few hundred units, so the directory keeps one item per sector (about 11,000 for Great Britain).
 *
 * @param units unit letters ("PD") to their centroid
 */
public record PostcodeSector(String sector, Map<String, GeoPoint> units) {

    public PostcodeSector {
        units = Map.copyOf(units);
    }

    public Optional<GeoPoint> locate(Postcode postcode) {
        return postcode.sector().equals(sector) ? Optional.ofNullable(units.get(postcode.unit())) : Optional.empty();
    }
}
