package uk.sse.directory.register;

import java.util.Optional;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Converts British National Grid (EPSG:27700, OSGB36) eastings and northings to WGS84 (EPSG:4326).
 *
 * <p>proj4j applies the OSGB36 to WGS84 seven-parameter Helmert shift, not the OSTN15 grid, so
 * results are within about 5 m of the Ordnance Survey's definitive values (measured against the
 * OS test stations in the tests). That is ample for finding nearby schools.
 *
 * <p>Thread-safe: the coordinate systems are shared read-only and a transform, which proj4j does
 * not promise to be thread-safe, is created for each call (it costs well under a microsecond).
 */
public final class BritishNationalGrid {

    /** The grid's extent: a value outside it is not a British National Grid reference. */
    public static final int MAX_EASTING = 700_000;

    public static final int MAX_NORTHING = 1_300_000;

    /** A WGS84 position in decimal degrees, rounded to 6 places (about 0.1 m). */
    public record LatLon(double latitude, double longitude) {}

    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

    private BritishNationalGrid() {}

    /**
     * The WGS84 position of a grid reference, or empty if the easting or northing is outside the
     * grid (easting 0–700,000 m, northing 0–1,300,000 m) or not a finite number.
     */
    public static Optional<LatLon> toWgs84(double easting, double northing) {
        if (!(easting >= 0 && easting <= MAX_EASTING && northing >= 0 && northing <= MAX_NORTHING)) {
            return Optional.empty();
        }
        ProjCoordinate out = new ProjCoordinate();
        TRANSFORMS.createTransform(Crs.GRID, Crs.WGS84).transform(new ProjCoordinate(easting, northing), out);
        return Optional.of(new LatLon(round6(out.y), round6(out.x)));
    }

    private static double round6(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    // Loaded on first use: parsing the EPSG definitions file takes about 20 ms.
    private static final class Crs {
        static final CoordinateReferenceSystem GRID;
        static final CoordinateReferenceSystem WGS84;

        static {
            CRSFactory factory = new CRSFactory();
            GRID = factory.createFromName("EPSG:27700");
            WGS84 = factory.createFromName("EPSG:4326");
        }
    }
}
