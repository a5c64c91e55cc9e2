package uk.sse.directory.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.sse.directory.application.PostcodeStore;
import uk.sse.directory.imports.files.LocalBucket;
import uk.sse.directory.imports.trigger.ImportArrivals;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.register.Postcode;
import uk.sse.directory.web.LambdaTest;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Polling;

/**
 * The postcode directory imported by the register's jobs (kind {@code postcodes}), through the handler and the local
 * bucket as the registrar's browser would: the single CSV gzipped, OS's zip of area files without a header, a run
 * killed half-way and resumed with the same counts, a file that is not Code-Point Open, and who may do it. The tests
 * run in order, each starting from the directory the one before left.
 */
@MicronautTest(environments = "test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostcodeImportJobTest extends LambdaTest {

    static final String PATH = "/postcodes/imports";
    static final int SAMPLE_ROWS = 2_945;
    static final String RELEASE = "/postcodes/release";
    static final String LICENCE_2023 = String.join(
            "\n",
            "Contains OS data © Crown copyright and database right 2023",
            "Contains Royal Mail data © Royal Mail copyright and database right 2023",
            "Contains National Statistics data © Crown copyright and database right 2023");

    @Inject
    ApplicationContext context;

    @Inject
    Faults faults;

    @Inject
    PostcodeStore store;

    ImportJobs imports;
    String registrar;
    List<String> sample;

    @Override
    public Map<String, String> getProperties() {
        return ImportJobs.properties(super.getProperties());
    }

    @BeforeAll
    void setUp() throws IOException {
        registrar = fixtures.token(Role.REGISTRAR, null, null);
        imports = new ImportJobs(api, registrar, PATH, "codepoint-open.csv.gz");
        try (InputStream in = getClass().getResourceAsStream("/postcodes/codepoint-open-sample.csv")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        assertThat(sample).hasSize(SAMPLE_ROWS + 1);
    }

    @AfterEach
    void disarm() {
        faults.disarm();
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void theSingleGzippedCsvIsImportedAndAgainChangesNothing() throws Exception {
        Path gz = gzip(sample);
        try {
            assertThat(api.get(RELEASE, registrar).status())
                    .as("no release imported yet")
                    .isEqualTo(404);
            Map<String, Object> job = imports.finished(imports.upload(gz, null), Duration.ofMinutes(2));
            assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("kind", "postcodes");
            assertThat((List<String>) job.get("warnings"))
                    .as("a CSV whose name gives no year does not say which release it is")
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("does not say which release");
            assertThat(api.get(RELEASE, registrar).status()).isEqualTo(404);
            assertThat(ImportJobs.counts(job))
                    .containsEntry("read", SAMPLE_ROWS)
                    .containsEntry("created", SAMPLE_ROWS)
                    .containsEntry("rejected", 0);
            assertThat(store.sector("PR2 1"))
                    .get()
                    .satisfies(s -> assertThat(s.units()).hasSizeGreaterThan(100));

            Map<String, Object> again = imports.finished(imports.upload(gz, null), Duration.ofMinutes(2));
            assertThat(ImportJobs.counts(again))
                    .containsEntry("read", SAMPLE_ROWS)
                    .containsEntry("created", 0)
                    .containsEntry("updated", 0)
                    .containsEntry("unchanged", SAMPLE_ROWS);
        } finally {
            Files.deleteIfExists(gz);
        }
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void osOwnZipOfAreaFilesWithoutAHeaderIsImportedAndItsBadRowsNamedWithTheirFile() throws Exception {
        // OS's layout: the column headers' document, then one file per postcode area, no header, the same columns
        Map<String, List<String>> areas = new java.util.TreeMap<>();
        for (String row : sample.subList(1, sample.size())) {
            String area = row.replaceFirst("^([A-Z]+).*", "$1").toLowerCase(java.util.Locale.ROOT);
            areas.computeIfAbsent(area, a -> new ArrayList<>()).add(row);
        }
        // one postcode moves 10 m east; a row that is not a postcode is added to the Preston file
        String moved = areas.get("wc").get(0);
        areas.get("wc").set(0, shiftEasting(moved, 10));
        areas.get("pr").add(1, "NOT A POSTCODE,10,1,1,E92000001,,,,,");
        Path zip = Files.createTempFile("codepo_gb", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            // the release's licence, as OS's zip carries it
            out.putNextEntry(new ZipEntry("Doc/licence.txt"));
            out.write(String.join("\r\n", "Code-Point Open", "", LICENCE_2023, "", "Open Government Licence v3.0")
                    .getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("Doc/Code-Point_Open_Column_Headers.csv"));
            out.write(("PC,PQ,EA,NO,CY,RH,LH,CC,DC,WC\r\n"
                            + "Postcode,Positional_quality_indicator,Eastings,Northings,Country_code,"
                            + "NHS_regional_HA_code,NHS_HA_code,Admin_county_code,Admin_district_code,"
                            + "Admin_ward_code\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (var area : areas.entrySet()) {
                out.putNextEntry(new ZipEntry("Data/CSV/" + area.getKey() + ".csv"));
                out.write((String.join("\r\n", area.getValue()) + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            String id = imports.upload(zip, null);
            Map<String, Object> job = imports.finished(id, Duration.ofMinutes(2));
            assertThat(job.get("status")).as(job.toString()).isEqualTo("SUCCEEDED");
            assertThat(ImportJobs.counts(job))
                    .containsEntry("read", SAMPLE_ROWS + 1)
                    .containsEntry("created", 0)
                    .containsEntry("updated", 1)
                    .containsEntry("unchanged", SAMPLE_ROWS - 1)
                    .containsEntry("rejected", 1);
            var rejected = api.get(PATH + "/" + id + "/rejected", registrar);
            assertThat(rejected.status()).isEqualTo(200);
            assertThat((List<Map<String, Object>>) rejected.map().get("items"))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r).containsEntry("key", "NOT A POSTCODE");
                        assertThat((String) r.get("reason")).isEqualTo("not a postcode (Data/CSV/pr.csv, line 2)");
                    });
            var release = api.get(RELEASE, fixtures.token(Role.ADVISER, "202", null));
            assertThat(release.status()).isEqualTo(200);
            assertThat(release.map())
                    .containsEntry("importId", id)
                    .containsEntry("attribution", LICENCE_2023.lines().toList());
            assertThat(api.get(RELEASE, null).status()).as("signed in only").isEqualTo(401);
            Postcode wc = Postcode.parse(moved.substring(0, moved.indexOf(','))).orElseThrow();
            GeoPoint now = store.sector(wc.sector()).orElseThrow().locate(wc).orElseThrow();
            assertThat(now.lon()).isGreaterThan(-0.2); // somewhere in London still, 10 m further east
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    @Test
    @Order(3)
    void aJobKilledHalfWayAndResumedCountsAsAnUninterruptedOne() throws Exception {
        // every postcode moves a metre and every fifth is terminated: each one left is updated, each one dropped from a
        // sector the release still lists is removed, and the counts show it whoever wrote each sector
        List<String> rows = sample.subList(1, sample.size());
        Map<String, Long> bySector = rows.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        PostcodeImportJobTest::sector, java.util.stream.Collectors.counting()));
        List<String> kept = new ArrayList<>(List.of(sample.get(0)));
        long removed = 0;
        String gone = null;
        for (int i = 0; i < rows.size(); i++) {
            String sector = sector(rows.get(i));
            if (i % 5 == 4 && bySector.get(sector) > 1) { // a sector a release lacks altogether is kept, not emptied
                bySector.merge(sector, -1L, Long::sum);
                removed++;
                gone = gone == null ? rows.get(i).substring(0, rows.get(i).indexOf(',')) : gone;
            } else {
                kept.add(shiftEasting(rows.get(i), 1));
            }
        }
        int read = kept.size() - 1;
        assertThat(removed).isGreaterThan(100);
        Path file = gzip(kept);
        try {
            faults.killAfterWrites(40); // about half-way: a batch of 100 sectors is four writes of 25
            String id = imports.upload(file, null);
            Polling.until(
                    () -> api.get(PATH + "/" + id, registrar).map(),
                    j -> ((Number) j.get("linesApplied")).longValue() > 0 && !faults.armed(),
                    Duration.ofMinutes(2));
            Thread.sleep(500); // the killed run is gone: its job stays RUNNING, part-way
            Map<String, Object> left = api.get(PATH + "/" + id, registrar).map();
            assertThat(left.get("status")).isEqualTo("RUNNING");
            assertThat(((Number) left.get("linesApplied")).longValue()).isBetween(100L, (long) read);

            // what Lambda does with an invocation that died: it invokes the handler again with the same event
            List<String> rerun =
                    new ImportArrivals(context).execute(LocalBucket.event("uploads/" + id, Files.size(file)));
            assertThat(rerun).containsExactly(id + " SUCCEEDED");
            assertThat(ImportJobs.counts(imports.finished(id, Duration.ofMinutes(2))))
                    .containsEntry("read", read)
                    .containsEntry("created", 0)
                    .containsEntry("updated", read)
                    .containsEntry("unchanged", 0)
                    .containsEntry("rejected", 0)
                    .containsEntry("removed", (int) removed);
            Postcode terminated = Postcode.parse(gone).orElseThrow();
            assertThat(store.sector(terminated.sector()).orElseThrow().locate(terminated))
                    .as(gone + " terminated")
                    .isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Order(4)
    void aFileThatIsNotCodePointOpenFailsTheJobWithTheReason() throws Exception {
        Path gias = Files.writeString(
                Files.createTempFile("gias", ".csv"), "\"URN\",\"EstablishmentName\"\r\n\"100000\",\"A School\"\r\n");
        try {
            Map<String, Object> job = imports.finished(imports.upload(gias, null), Duration.ofMinutes(1));
            assertThat(job.get("status")).isEqualTo("FAILED");
            assertThat((String) job.get("failure")).contains("is this an OS Code-Point Open file?");
        } finally {
            Files.deleteIfExists(gias);
        }
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void onlyTheRegistrarStartsOrFollowsPostcodeImportsAndBadInputIsNamed() throws Exception {
        String id = imports.upload(gzip(sample.subList(0, 3)), null);
        var listed = api.get(PATH + "?limit=3", registrar);
        assertThat(listed.status()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) listed.map().get("items"))
                .as("newest first, postcode imports only")
                .first()
                .satisfies(job -> assertThat(job).containsEntry("id", id).containsEntry("kind", "postcodes"));
        for (Role role : Role.values()) {
            if (role == Role.REGISTRAR) {
                continue;
            }
            String bearer = fixtures.token(role, "202", "100000");
            assertThat(imports.ask(bearer, null).status()).as(role.name()).isEqualTo(403);
            assertThat(api.get(PATH + "/" + id, bearer).status())
                    .as(role.name())
                    .isEqualTo(403);
            assertThat(api.get(PATH + "/" + id + "/rejected", bearer).status())
                    .as(role.name())
                    .isEqualTo(403);
            assertThat(api.get(PATH, bearer).status()).as(role.name()).isEqualTo(403);
        }
        assertThat(imports.ask(null, null).status()).isEqualTo(401);
        // a school register's job is not a postcode import, nor the other way round
        String schools =
                new ImportJobs(api, registrar).ask(registrar, null).map().get("job") instanceof Map<?, ?> j
                        ? (String) j.get("id")
                        : null;
        assertThat(api.get(PATH + "/" + schools, registrar).status()).isEqualTo(404);
        assertThat(api.get("/schools/imports/" + id, registrar).status()).isEqualTo(404);

        var badName = api.post(PATH, registrar, Map.of("fileName", "../codepoint.csv"));
        assertThat(badName.status()).isEqualTo(422); // a constraint broken, as the register's imports answer it
        assertThat(badName.problemFields()).contains("/fileName");
        var unknown = api.post(PATH, registrar, Map.of("fileName", "x.csv", "scope", "WHOLE"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("scope");
        assertThat(api.get(PATH + "/not-an-id", registrar).status()).isBetween(400, 499);
    }

    private static String sector(String row) {
        return Postcode.parse(row.substring(0, row.indexOf(','))).orElseThrow().sector();
    }

    private static String shiftEasting(String row, int metres) {
        String[] f = row.split(",", -1);
        f[2] = Integer.toString(Integer.parseInt(f[2]) + metres);
        return String.join(",", f);
    }

    private static Path gzip(List<String> rows) throws IOException {
        Path gz = Files.createTempFile("codepoint-open", ".csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return gz;
    }
}
