package uk.sse.directory.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import uk.sse.directory.register.BritishNationalGrid.LatLon;

class BritishNationalGridPropertyTest {

    private static final CoordinateReferenceSystem WGS84 = new CRSFactory().createFromName("EPSG:4326");
    private static final CoordinateReferenceSystem GRID = new CRSFactory().createFromName("EPSG:27700");

    /** The grid's corners are at 49.77°N 7.56°W and 61.46°N 3.63°E; nothing lands outside them. */
    @Property
    void everyGridReferenceLandsAroundTheBritishIsles(
            @ForAll @IntRange(min = 0, max = 700_000) int easting,
            @ForAll @IntRange(min = 0, max = 1_300_000) int northing) {
        LatLon p = BritishNationalGrid.toWgs84(easting, northing).orElseThrow();
        assertThat(p.latitude()).isBetween(49.7, 61.6);
        assertThat(p.longitude()).isBetween(-9.6, 3.7);
    }

    /** Going north raises latitude; going east raises longitude (England is far from any pole or date line). */
    @Property
    void isMonotonicAlongEachAxis(
            @ForAll @IntRange(min = 50_000, max = 650_000) int easting,
            @ForAll @IntRange(min = 10_000, max = 650_000) int northing,
            @ForAll @IntRange(min = 20, max = 50_000) int step) {
        LatLon here = BritishNationalGrid.toWgs84(easting, northing).orElseThrow();
        LatLon north = BritishNationalGrid.toWgs84(easting, northing + step).orElseThrow();
        LatLon east = BritishNationalGrid.toWgs84(easting + step, northing).orElseThrow();
        assertThat(north.latitude()).isGreaterThan(here.latitude());
        assertThat(east.longitude()).isGreaterThan(here.longitude());
    }

    /** Back to the grid with proj4j's inverse, the only loss is the 6-decimal rounding (about 0.1 m). */
    @Property(tries = 300)
    void roundTripsToWithinTheRounding(
            @ForAll @IntRange(min = 0, max = 700_000) int easting,
            @ForAll @IntRange(min = 0, max = 1_250_000) int northing) {
        LatLon p = BritishNationalGrid.toWgs84(easting, northing).orElseThrow();
        ProjCoordinate back = new ProjCoordinate();
        new CoordinateTransformFactory()
                .createTransform(WGS84, GRID)
                .transform(new ProjCoordinate(p.longitude(), p.latitude()), back);
        assertThat(back.x).isCloseTo(easting, within(0.2));
        assertThat(back.y).isCloseTo(northing, within(0.2));
    }
}
