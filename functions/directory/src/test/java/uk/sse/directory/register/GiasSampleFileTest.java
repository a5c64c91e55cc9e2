package uk.sse.directory.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real sample of 2,647 open state-funded schools (see shared/data/gias/SOURCES.md). */
class GiasSampleFileTest {

    static final String SAMPLE = "/gias/edubase-sample.csv";

    private static GiasParse.Parsed sample;
    private static Map<String, School> byUrn;

    static GiasParse read(String resource) {
        try (InputStream in = GiasSampleFileTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return GiasCsvReader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void readTheSample() {
        sample = (GiasParse.Parsed) read(SAMPLE);
        byUrn = sample.rows().stream().collect(Collectors.toMap(School::urn, Function.identity()));
    }

    @Test
    void importsEverySchoolAndRejectsNone() {
        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.rows()).hasSize(2_647);
        assertThat(sample.linesRead()).isEqualTo(2_647);
        assertThat(byUrn).hasSize(2_647);
    }

    @Test
    void readsTheAldgateSchool() {
        School aldgate = byUrn.get("100000");
        assertThat(aldgate.name()).isEqualTo("The Aldgate School");
        assertThat(aldgate.laCode()).isEqualTo("201");
        assertThat(aldgate.laName()).isEqualTo("City of London");
        assertThat(aldgate.type()).isEqualTo("Voluntary aided school");
        assertThat(aldgate.status()).isEqualTo("Open");
        assertThat(aldgate.phase()).isEqualTo("Primary");
        assertThat(aldgate.statutoryLowAge()).isEqualTo(3);
        assertThat(aldgate.statutoryHighAge()).isEqualTo(11);
        assertThat(aldgate.street()).isEqualTo("St James's Passage");
        assertThat(aldgate.locality()).isEqualTo("Duke's Place");
        assertThat(aldgate.town()).isEqualTo("London");
        assertThat(aldgate.postcode()).isEqualTo("EC3A 5DE");
        assertThat(aldgate.website()).isEqualTo("www.thealdgateschool.org");
        assertThat(aldgate.region()).isEqualTo("London");
        assertThat(aldgate.easting()).isEqualTo(533502);
        assertThat(aldgate.northing()).isEqualTo(181167);
        assertThat(aldgate.latitude()).isCloseTo(51.513662, within(1e-6));
        assertThat(aldgate.longitude()).isCloseTo(-0.077486, within(1e-6));
        // Columns this sample does not have.
        assertThat(aldgate.pupils()).isNull();
        assertThat(aldgate.percentageFsm()).isNull();
    }

    @Test
    void readsSchoolsAtTheFarEndsOfEngland() {
        School holyIsland = byUrn.get("122294");
        assertThat(holyIsland.name()).isEqualTo("Holy Island Church of England First School");
        assertThat(holyIsland.laCode()).isEqualTo("929");
        assertThat(holyIsland.phase()).isEqualTo("Primary");
        assertThat(holyIsland.region()).isEqualTo("North East");
        assertThat(holyIsland.latitude()).isCloseTo(55.671549, within(1e-6));
        assertThat(holyIsland.longitude()).isCloseTo(-1.801572, within(1e-6));

        School camborne = byUrn.get("111789");
        assertThat(camborne.name()).isEqualTo("Camborne Nursery School");
        assertThat(camborne.laName()).isEqualTo("Cornwall");
        assertThat(camborne.phase()).isEqualTo("Nursery");
        assertThat(camborne.latitude()).isCloseTo(50.213432, within(1e-6));
        assertThat(camborne.longitude()).isCloseTo(-5.304291, within(1e-6));
    }

    @Test
    void keepsTheSeventeenSchoolsWhosePostcodesHaveNoCoordinates() {
        assertThat(sample.rows())
                .filteredOn(s -> !s.hasLocation())
                .hasSize(17)
                .allSatisfy(s -> assertThat(s.easting()).isNull());
        School rushGreen = byUrn.get("101212");
        assertThat(rushGreen.name()).isEqualTo("Rush Green Primary School");
        assertThat(rushGreen.postcode()).isEqualTo("RM7 0RL");
        assertThat(rushGreen.latitude()).isNull();
        assertThat(rushGreen.longitude()).isNull();
    }

    @Test
    void putsEveryLocatedSchoolInEngland() {
        assertThat(sample.rows()).filteredOn(School::hasLocation).hasSize(2_630).allSatisfy(s -> {
            assertThat(s.latitude()).isBetween(49.8, 55.9);
            assertThat(s.longitude()).isBetween(-6.5, 1.8);
        });
    }

    @Test
    void parsesInWellUnderASecond() {
        read(SAMPLE); // warm up
        long start = System.nanoTime();
        GiasParse again = read(SAMPLE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(again).isEqualTo(sample);
        assertThat(took).isLessThan(Duration.ofSeconds(1));
    }
}
