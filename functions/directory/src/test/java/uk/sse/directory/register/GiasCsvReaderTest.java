package uk.sse.directory.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GiasCsvReaderTest {

    static GiasParse parse(String csv) {
        return GiasCsvReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    static GiasParse.Parsed parsed(String csv) {
        GiasParse result = parse(csv);
        if (result instanceof GiasParse.Parsed p) {
            return p;
        }
        throw new AssertionError("expected the file to parse, but: " + result);
    }

    static String refusal(String csv) {
        GiasParse result = parse(csv);
        assertThat(result).isInstanceOf(GiasParse.Refused.class);
        return ((GiasParse.Refused) result).reason();
    }

    @Nested
    class WholeFileRefused {

        @Test
        void withoutAUrnColumn() {
            assertThat(refusal("Urn,EstablishmentName\n100001,Alpha School\n"))
                    .isEqualTo("the header has no URN column; is this a GIAS establishment file?");
        }

        @Test
        void withoutAnEstablishmentNameColumn() {
            assertThat(refusal("URN,Name\n100001,Alpha School\n")).contains("no EstablishmentName column");
        }

        @Test
        void withNeitherRequiredColumn() {
            assertThat(refusal("a,b\n1,2\n")).contains("no URN or EstablishmentName column");
        }

        @Test
        void whenEmpty() {
            assertThat(refusal("")).isEqualTo("the file is empty");
        }

        @Test
        void whenAColumnItReadsAppearsTwice() {
            assertThat(refusal("URN,EstablishmentName,Postcode,Postcode\n100001,A,AA1 1AA,BB1 1BB\n"))
                    .isEqualTo("the header has the column Postcode twice");
        }

        @Test
        void whenAQuoteIsNeverClosed() {
            assertThat(refusal("URN,EstablishmentName\n100001,\"Alpha School\n100002,Beta\n"))
                    .startsWith("the file cannot be read: ");
        }

        @Test
        void whenTextFollowsAClosingQuote() {
            assertThat(refusal("URN,EstablishmentName\n100001,\"Alpha\" School\n"))
                    .startsWith("the file cannot be read: ");
        }
    }

    @Test
    void aHeaderAloneIsAnEmptyRegister() {
        GiasParse.Parsed result = parsed("URN,EstablishmentName\r\n");
        assertThat(result.rows()).isEmpty();
        assertThat(result.rejected()).isEmpty();
        assertThat(result.linesRead()).isZero();
    }

    @Test
    void rejectsBadRowsWithTheirSpreadsheetLineNumbers() {
        String longName = "x".repeat(501);
        GiasParse.Parsed result = parsed("""
                URN,EstablishmentName,Street,Postcode
                100001,Alpha Primary School,1 High Street,AA1 1AA
                100002,Beta School,"Flat 2
                Long Lane",BB2 2BB
                ABC123,Gamma School,,CC3 3CC
                ,Delta School,,DD4 4DD
                100005,,,EE5 5EE
                100006,Zeta School,FF6 6FF

                100001,Alpha Primary School again,,AA1 1AA
                12345,Eta School,,GG7 7GG
                100011,%s,,HH8 8HH
                100012,Theta School,,JJ9 9JJ
                """.formatted(longName));

        assertThat(result.rows()).extracting(School::urn).containsExactly("100001", "100002", "100012");
        assertThat(result.rows().get(1).street()).isEqualTo("Flat 2\nLong Lane");
        assertThat(result.rejected())
                .extracting(RejectedRow::line, RejectedRow::urn, RejectedRow::reason)
                .containsExactly(
                        tuple(4L, "ABC123", "URN is not a number"),
                        tuple(5L, null, "URN is empty"),
                        tuple(6L, "100005", "EstablishmentName is empty"),
                        tuple(7L, "100006", "the row has 3 fields but the header has 4"),
                        tuple(9L, "100001", "duplicate URN, first seen at line 2"),
                        tuple(10L, "12345", "URN must have 6 or 7 digits"),
                        tuple(11L, "100011", "EstablishmentName is longer than 500 characters"));
        assertThat(result.linesRead()).isEqualTo(10);
    }

    @Test
    void aRowWithTooManyFieldsIsRejectedToo() {
        GiasParse.Parsed result = parsed("URN,EstablishmentName\n100001,Alpha,surplus\n100002,Beta\n");
        assertThat(result.rows()).extracting(School::urn).containsExactly("100002");
        assertThat(result.rejected())
                .containsExactly(new RejectedRow(2, "100001", "the row has 3 fields but the header has 2"));
    }

    @Test
    void anAbsurdlyLongUrnIsShortenedInTheReport() {
        GiasParse.Parsed result = parsed("URN,EstablishmentName\n" + "1".repeat(1000) + ",Alpha\n");
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.urn()).hasSize(21).startsWith("11111").endsWith("…");
            assertThat(r.reason()).isEqualTo("URN must have 6 or 7 digits");
        });
    }

    @Test
    void aFileWithOnlyUrnNameAndPostcodeParses() {
        GiasParse.Parsed result = parsed("URN,EstablishmentName,Postcode\n100001,Alpha School,AA1 1AA\n");
        assertThat(result.rows())
                .containsExactly(new School(
                        "100001",
                        "Alpha School",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "AA1 1AA",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void readsColumnsByNameInAnyOrderAndIgnoresUnknownOnes() {
        GiasParse.Parsed result = parsed("""
                "Postcode","OfstedRating (name)","EstablishmentName","Unknown","Unknown","URN","PhaseOfEducation (name)",\
                "LA (code)","NumberOfPupils","PercentageFSM","StatutoryLowAge","StatutoryHighAge"
                "AA1 1AA","Good","  Alpha School ","x","y","100001","Primary","201","212","14.2","3","11"
                """);
        School alpha = result.rows().getFirst();
        assertThat(alpha.urn()).isEqualTo("100001");
        assertThat(alpha.name()).isEqualTo("Alpha School");
        assertThat(alpha.postcode()).isEqualTo("AA1 1AA");
        assertThat(alpha.phase()).isEqualTo("Primary");
        assertThat(alpha.laCode()).isEqualTo("201");
        assertThat(alpha.pupils()).isEqualTo(212);
        assertThat(alpha.percentageFsm()).isEqualTo(14.2);
        assertThat(alpha.statutoryLowAge()).isEqualTo(3);
        assertThat(alpha.statutoryHighAge()).isEqualTo(11);
    }

    @Test
    void dropsOptionalNumbersThatAreNotNumbersButKeepsTheRow() {
        GiasParse.Parsed result = parsed("""
                URN,EstablishmentName,NumberOfPupils,PercentageFSM,StatutoryLowAge,StatutoryHighAge
                100001,Alpha,,SUPP,three,
                100002,Beta,1.5,101,,19
                """);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.rows())
                .extracting(School::pupils, School::percentageFsm, School::statutoryLowAge, School::statutoryHighAge)
                .containsExactly(tuple(null, null, null, null), tuple(null, null, null, 19));
    }

    @Test
    void keepsRowsWithoutCoordinatesAndConvertsTheOthers() {
        GiasParse.Parsed result = parsed("""
                URN,EstablishmentName,Easting,Northing
                100001,With a location,533502,181167
                100002,Blank grid reference,,
                100003,Half a grid reference,533502,
                100004,Not numbers,n/a,unknown
                100005,Off the grid,900000,181167
                """);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.rows())
                .extracting(School::urn, School::easting, School::northing, School::latitude, School::longitude)
                .containsExactly(
                        tuple("100001", 533502, 181167, 51.513662, -0.077486),
                        tuple("100002", null, null, null, null),
                        tuple("100003", null, null, null, null),
                        tuple("100004", null, null, null, null),
                        tuple("100005", null, null, null, null));
        assertThat(result.rows())
                .filteredOn(School::hasLocation)
                .extracting(School::urn)
                .containsExactly("100001");
    }

    @Test
    void aFileWithoutGridColumnsHasNoLocations() {
        GiasParse.Parsed result = parsed("URN,EstablishmentName\n100001,Alpha\n");
        assertThat(result.rows().getFirst().hasLocation()).isFalse();
    }

    @Test
    void neverReadsHeadTeachersOrTelephoneNumbers() {
        GiasParse.Parsed result = parsed("""
                "URN","EstablishmentName","HeadTitle (name)","HeadFirstName","HeadLastName","HeadPreferredJobTitle",\
                "HeadHonours","TelephoneNum","Postcode"
                "100001","Alpha School","Dr","Zebedee","Quackenbush","Executive Headteacher","OBE","020 7946 0000","AA1 1AA"
                """);
        School alpha = result.rows().getFirst();
        assertThat(alpha.name()).isEqualTo("Alpha School");
        assertThat(alpha.postcode()).isEqualTo("AA1 1AA");
        for (RecordComponent component : School.class.getRecordComponents()) {
            assertThat(component.getName()).doesNotContainIgnoringCase("head").doesNotContainIgnoringCase("phone");
            Object value = readComponent(component, alpha);
            assertThat(String.valueOf(value))
                    .as(component.getName())
                    .doesNotContain("Zebedee", "Quackenbush", "Executive", "OBE", "7946");
        }
        assertThat(GiasCsvReader.COLUMNS).noneMatch(c -> c.startsWith("Head") || c.contains("Telephone"));
    }

    @Test
    void skipsBlankLinesButCountsThem() {
        GiasParse.Parsed result = parsed("URN,EstablishmentName\n\n100001,Alpha\n\n\n100001,Alpha again\n\n");
        assertThat(result.rows()).hasSize(1);
        assertThat(result.rejected())
                .containsExactly(new RejectedRow(6, "100001", "duplicate URN, first seen at line 3"));
        assertThat(result.linesRead()).isEqualTo(2);
    }

    @Test
    void aRejectedRowDoesNotClaimItsUrn() {
        GiasParse.Parsed result = parsed("URN,EstablishmentName\n100001,\n100001,Alpha\n");
        assertThat(result.rows()).extracting(School::name).containsExactly("Alpha");
        assertThat(result.rejected()).extracting(RejectedRow::line).containsExactly(2L);
    }

    private static Object readComponent(RecordComponent component, School school) {
        try {
            return component.getAccessor().invoke(school);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
