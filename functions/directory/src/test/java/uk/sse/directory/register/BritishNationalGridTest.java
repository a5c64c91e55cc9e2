package uk.sse.directory.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.sse.directory.register.BritishNationalGrid.LatLon;

class BritishNationalGridTest {

    /** 0.0001° is about 11 m of latitude and 7 m of longitude; proj4j was measured at 5 m or better. */
    private static final double HELMERT_TOLERANCE = 0.0001;

    /**
     * Ordnance Survey's OSTN15 test stations in England and Wales: the definitive grid reference
     * and its ETRS89 position, which is WGS84 to within a metre.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "BLAC, 331534.552, 431920.792, 53.77911025694444, -3.040454906944444",
        "BRIS, 362269.979, 169978.688, 51.42754743361111, -2.544076186111111",
        "CARL, 339921.133, 556034.759, 54.89542340527777, -2.938277414722223",
        "COLC, 599445.578, 225722.824, 51.89436637527778,  0.897243275",
        "KING, 562180.535, 319784.993, 52.75136687444444,  0.4015354769444445",
        "LEED, 422242.174, 433818.699, 53.80021519916667, -1.663791675833333",
        "LIZ1, 170370.706,  11572.404, 49.96006138305556, -5.203046100277778",
        "LOND, 530624.963, 178388.461, 51.48936564611111, -0.1199255641666667",
        "NEWC, 424639.343, 565012.700, 54.97912274,       -1.616576845555556",
        "NFO1, 639821.823, 169565.856, 51.37447025916666,  1.444547306944445",
        "OSHQ, 438710.908, 114792.248, 50.9312793775,     -1.450514340555556",
        "PLYM, 250359.798,  62016.567, 50.43885825472222, -4.108645639722222",
        "SCILLY, 91492.135, 11318.801, 49.92226394333333, -6.299777527222222",
    })
    void agreesWithOrdnanceSurveyTestStationsToAFewMetres(String station, double e, double n, double lat, double lon) {
        LatLon p = BritishNationalGrid.toWgs84(e, n).orElseThrow();
        assertThat(p.latitude()).isCloseTo(lat, within(HELMERT_TOLERANCE));
        assertThat(p.longitude()).isCloseTo(lon, within(HELMERT_TOLERANCE));
    }

    /**
     * Expected values computed independently with the formulas of the OS guide to coordinate systems
     * (inverse transverse Mercator on Airy 1830, then the published OSGB36 to WGS84 Helmert shift),
     * which is the same method proj4j uses, so they agree to the last rounded digit.
     */
    @ParameterizedTest
    @CsvSource({
        "533502, 181167, 51.513662, -0.077486", // The Aldgate School, City of London
        "412579, 642023, 55.671549, -1.801572", // Holy Island CofE First School, Northumberland
        "164354,  40051, 50.213432, -5.304291", // Camborne Nursery School, Cornwall
    })
    void matchesTheOrdnanceSurveyFormulas(int e, int n, double lat, double lon) {
        LatLon p = BritishNationalGrid.toWgs84(e, n).orElseThrow();
        assertThat(p.latitude()).isCloseTo(lat, within(1.1e-6));
        assertThat(p.longitude()).isCloseTo(lon, within(1.1e-6));
    }

    @Test
    void roundsToSixDecimalPlaces() {
        LatLon p = BritishNationalGrid.toWgs84(533502, 181167).orElseThrow();
        assertThat(p.latitude() * 1e6).isCloseTo(Math.rint(p.latitude() * 1e6), within(1e-6));
        assertThat(p.longitude() * 1e6).isCloseTo(Math.rint(p.longitude() * 1e6), within(1e-6));
    }

    @ParameterizedTest
    @CsvSource({"-1, 100000", "700001, 100000", "100000, -1", "100000, 1300001", "NaN, 100000", "100000, Infinity"})
    void refusesValuesOutsideTheGrid(double e, double n) {
        assertThat(BritishNationalGrid.toWgs84(e, n)).isEmpty();
    }

    @Test
    void acceptsTheGridCorners() {
        assertThat(BritishNationalGrid.toWgs84(0, 0)).isPresent();
        assertThat(BritishNationalGrid.toWgs84(700_000, 1_300_000)).isPresent();
    }

    @Test
    void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            points.add(new double[] {100_000 + i * 250.0, 50_000 + i * 450.0});
        }
        List<Optional<LatLon>> expected = points.stream()
                .map(p -> BritishNationalGrid.toWgs84(p[0], p[1]))
                .toList();

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<List<Optional<LatLon>>>> runs = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                runs.add(pool.submit(() -> points.stream()
                        .map(p -> BritishNationalGrid.toWgs84(p[0], p[1]))
                        .toList()));
            }
            for (Future<List<Optional<LatLon>>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        }
    }
}
