package uk.sse.directory.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Code-Point Open, streamed a sector at a time, plain or gzipped; bad rows named by line, a file that is not one refused. */
class CodePointCsvReaderTest {

    static final String SAMPLE = "/postcodes/codepoint-open-sample.csv";
    static final String HEADER =
            "postcode,positional_quality_indicator,easting,northing,country_code,nhs_regional_ha_code,nhs_ha_code,"
                    + "admin_county_code,admin_district_code,admin_ward_code\n";

    record Collected(List<PostcodeSector> sectors, List<RejectedPostcode> rejected, CodePointCsvReader.Result result) {}

    static Collected read(InputStream in) {
        List<PostcodeSector> sectors = new ArrayList<>();
        List<RejectedPostcode> rejected = new ArrayList<>();
        var result = CodePointCsvReader.read(in, new CodePointCsvReader.Sink() {
            @Override
            public void sector(PostcodeSector sector, long lastLine) {
                sectors.add(sector);
            }

            @Override
            public void rejected(RejectedPostcode row) {
                rejected.add(row);
            }
        });
        return new Collected(sectors, rejected, result);
    }

    static byte[] sample() throws IOException {
        try (InputStream in = CodePointCsvReaderTest.class.getResourceAsStream(SAMPLE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theSampleReadsWhole() throws IOException {
        Collected read = read(new ByteArrayInputStream(sample()));
        assertThat(read.result()).isEqualTo(new CodePointCsvReader.Read(2_945, java.util.Optional.empty()));
        assertThat(read.rejected()).isEmpty();
        assertThat(read.sectors().stream().mapToInt(s -> s.units().size()).sum())
                .isEqualTo(2_945);
        PostcodeSector preston = read.sectors().stream()
                .filter(s -> s.sector().equals("PR2 1"))
                .findFirst()
                .orElseThrow();
        assertThat(preston.units()).hasSize(269);
        // Lea Community Primary School, Preston: the register's own conversion of the same grid reference
        var lea = preston.locate(Postcode.parse("PR2 1PD").orElseThrow()).orElseThrow();
        var register = BritishNationalGrid.toWgs84(350055, 430245).orElseThrow();
        assertThat(lea.lat()).isEqualTo(register.latitude());
        assertThat(lea.lon()).isEqualTo(register.longitude());
        assertThat(read.sectors()).extracting(PostcodeSector::sector).doesNotHaveDuplicates();
    }

    @Test
    void gzippedTheSame() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(sample());
        }
        assertThat(read(new ByteArrayInputStream(zipped.toByteArray())).sectors())
                .isEqualTo(read(new ByteArrayInputStream(sample())).sectors());
    }

    @Test
    void badRowsAreNamedAndTheRestRead() {
        String file = HEADER
                + "AB10 1AB,10,394235,806529,S92000003,,S08000020,,S12000033,S13002842\n" // line 2
                + "NOT A CODE,10,394235,806529,,,,,,\n" // 3
                + "AB10 1AD,90,0,0,,,,,,\n" // 4: no coordinates
                + "AB10 1AE,10,easting,806529,,,,,,\n" // 5
                + "AB10 1AB,10,394235,806529,,,,,,\n" // 6: twice
                + "AB10 6AA,10,393000,805000,,,,,,\n" // 7: next sector
                + "AB10 1AF,10,394235,806529,,,,,,\n"; // 8: back to a sector already done
        Collected read = read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        assertThat(read.result()).isEqualTo(new CodePointCsvReader.Read(7, java.util.Optional.empty()));
        assertThat(read.rejected()).extracting(RejectedPostcode::line).containsExactly(3L, 4L, 5L, 6L, 8L);
        assertThat(read.rejected())
                .extracting(RejectedPostcode::reason)
                .contains(
                        "not a postcode",
                        "no usable easting and northing",
                        "given twice",
                        "out of order: the file must be sorted by postcode");
        assertThat(read.sectors()).extracting(PostcodeSector::sector).containsExactly("AB10 1", "AB10 6");
    }

    @Test
    void aFileThatIsNotCodePointOpenIsRefused() {
        assertThat(read(new ByteArrayInputStream(new byte[0])).result()).isInstanceOf(CodePointCsvReader.Refused.class);
        assertThat(read(new ByteArrayInputStream(
                                "URN,EstablishmentName\n100000,A School\n".getBytes(StandardCharsets.UTF_8)))
                        .result())
                .isEqualTo(new CodePointCsvReader.Refused(
                        "the header has no postcode, easting, northing column; is this an OS Code-Point Open file?"));
        assertThat(read(new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}))
                        .result())
                .isInstanceOf(CodePointCsvReader.Refused.class);
        assertThat(read(new ByteArrayInputStream((HEADER + "\"AB10 1AB,10\n").getBytes(StandardCharsets.UTF_8)))
                        .result())
                .isInstanceOf(CodePointCsvReader.Refused.class);
    }
}
