package uk.sse.directory.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

public class SchoolPlacesTest {

    /** A school of the register with the fields given and the rest made up. */
    public static School school(
            String urn, String phase, String type, Integer low, Integer high, Double lat, Double lon) {
        return new School(
                urn,
                "School " + urn,
                "202",
                "Camden",
                type,
                "Open",
                phase,
                low,
                high,
                200,
                12.5,
                "1 Road",
                null,
                "London",
                "WC1H 8EL",
                null,
                "London",
                530138,
                182770,
                lat,
                lon,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void keepsThePlaceAndKindOfEverySchoolWithALocationAndReadsThemBack() {
        List<School> schools = List.of(
                school("100008", "Primary", "Community school", 3, 11, 51.5281, -0.1245),
                school("100009", "Primary", "Community school", 3, 11, 51.6, -0.2),
                school("100010", "Secondary", "Academy converter", 11, 18, 52.1, -1.5),
                school("100011", null, "Pupil referral unit", null, null, 53.0, -2.0),
                school("100012", "Primary", "Community school", 4, 11, null, null));
        SchoolPlaces places = SchoolPlaces.of(schools);
        SchoolPlaces read = SchoolPlaces.decode(places.encoded());
        assertThat(read.size()).isEqualTo(4);
        assertThat(read.find("100008"))
                .contains(new SchoolPlaces.Located(
                        51.5281, -0.1245, new SchoolPlaces.Kind("Primary", "Community school", 3, 11)));
        assertThat(read.find("100010").orElseThrow().kind())
                .isEqualTo(new SchoolPlaces.Kind("Secondary", "Academy converter", 11, 18));
        assertThat(read.find("100011").orElseThrow().kind())
                .isEqualTo(new SchoolPlaces.Kind(null, "Pupil referral unit", null, null));
        assertThat(read.find("100012")).as("no location").isEmpty();
        assertThat(read.find("999999")).isEmpty();
    }

    @Test
    void theWholeRegisterFitsInAFewHundredKilobytes() {
        List<School> schools = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            schools.add(school(
                    String.valueOf(100_000 + i),
                    i % 2 == 0 ? "Primary" : "Secondary",
                    "Community school",
                    i % 3 == 0 ? 3 : 4,
                    11,
                    50 + i / 10_000.0,
                    -i / 20_000.0));
        }
        byte[] encoded = SchoolPlaces.of(schools).encoded();
        assertThat(encoded.length).isLessThan(25_000 * 30);
        SchoolPlaces read = SchoolPlaces.decode(encoded);
        assertThat(read.size()).isEqualTo(25_000);
        assertThat(read.find("124999").orElseThrow().latitude()).isEqualTo(50 + 24_999 / 10_000.0);
    }

    @Test
    void bytesCutShortOrOfAnotherShapeAreRefused() {
        byte[] encoded = SchoolPlaces.of(List.of(school("100008", "Primary", "Community school", 3, 11, 51.5, -0.1)))
                .encoded();
        assertThatThrownBy(() -> SchoolPlaces.decode(Arrays.copyOf(encoded, encoded.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchoolPlaces.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchoolPlaces.decode(new byte[] {9, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
