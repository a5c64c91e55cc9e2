package uk.sse.directory.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.directory.imports.files.LocalBucket;
import uk.sse.directory.imports.trigger.ImportArrivals;
import uk.sse.directory.web.LambdaTest;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.GiasFiles;
import uk.sse.testing.Polling;
import uk.sse.testing.StdoutCapture;

/**
 * Import jobs when things go wrong, and who may run them: bad rows, a run killed half-way, a throttling table,
 * schools that move and close, the daily fetch from a loopback server, and the denials.
 */
@MicronautTest(environments = "test")
class ImportJobFaultsTest extends LambdaTest {

    static final int ROWS = 6_000;
    static HttpServer gias;
    static byte[] daily;

    @Inject
    ApplicationContext context;

    @Inject
    Faults faults;

    @Inject
    io.micronaut.json.JsonMapper json;

    ImportJobs imports;
    String registrar;
    Path file;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ImportJobs.properties(super.getProperties());
        properties.put(
                "sse.imports.daily-url",
                "http://127.0.0.1:" + gias().getAddress().getPort() + "/edubasealldata{date}.csv");
        return properties;
    }

    /** GIAS, on the loopback interface: today's file only. */
    private static synchronized HttpServer gias() {
        if (gias == null) {
            try {
                gias = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            gias.createContext("/", exchange -> {
                String today = LocalDate.now(ZoneId.of("Europe/London")).format(DateTimeFormatter.BASIC_ISO_DATE);
                boolean found =
                        exchange.getRequestURI().getPath().equals("/edubasealldata" + today + ".csv") && daily != null;
                exchange.sendResponseHeaders(found ? 200 : 404, found ? daily.length : -1);
                if (found) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(daily);
                    }
                }
                exchange.close();
            });
            gias.start();
        }
        return gias;
    }

    @BeforeAll
    void setUp() throws Exception {
        registrar = fixtures.token(Role.REGISTRAR, null, null);
        imports = new ImportJobs(api, registrar);
        file = GiasFiles.write(Files.createTempFile("gias", ".csv"), ROWS, ImportJobs.sample(), row -> {});
    }

    @AfterEach
    void disarm() {
        faults.disarm();
    }

    @AfterAll
    void tearDown() throws Exception {
        Files.deleteIfExists(file);
        gias.stop(0);
    }

    @Test
    void aJobKilledHalfWayAndRestartedEndsWithTheSameRegisterAndCounts() throws Exception {
        Path killed = GiasFiles.write(
                Files.createTempFile("gias", ".csv"),
                ROWS,
                ImportJobs.sample(),
                row -> row.put("URN", "4" + row.get("URN").substring(1)));
        try {
            faults.killAfterWrites(90); // about half-way: each batch of 100 rows is four writes of 25
            String id = imports.upload(killed, "PART");
            Map<String, Object> dead = Polling.until(
                    () -> api.get("/schools/imports/" + id, registrar).map(),
                    j -> ((Number) j.get("linesApplied")).longValue() > 0 && !faults.armed(),
                    Duration.ofMinutes(2));
            Thread.sleep(500); // the killed run is gone: its job stays RUNNING, part-way
            Map<String, Object> left =
                    api.get("/schools/imports/" + id, registrar).map();
            assertThat(left.get("status")).isEqualTo("RUNNING");
            long applied = ((Number) left.get("linesApplied")).longValue();
            assertThat(applied).as(dead.toString()).isBetween(100L, (long) ROWS);

            // what Lambda does with an invocation that died: it invokes the handler again with the same event
            List<String> rerun =
                    new ImportArrivals(context).execute(LocalBucket.event("uploads/" + id, Files.size(killed)));
            assertThat(rerun).containsExactly(id + " SUCCEEDED");
            Map<String, Object> job = imports.finished(id, Duration.ofMinutes(2));
            assertThat(ImportJobs.counts(job))
                    .containsEntry("read", ROWS)
                    .containsEntry("created", ROWS)
                    .containsEntry("unchanged", 0)
                    .containsEntry("updated", 0);
            Map<String, Map<String, AttributeValue>> register = ImportJobs.register(context);
            assertThat(register.keySet().stream()
                            .filter(u -> u.startsWith("4") && u.length() == 7 || u.startsWith("4") && u.length() == 6))
                    .hasSize(ROWS);
        } finally {
            Files.deleteIfExists(killed);
        }
    }

    @Test
    void aThrottlingTableSlowsTheImportDownAndNobodySeesAnError() throws Exception {
        Path throttledFile = GiasFiles.write(
                Files.createTempFile("gias", ".csv"),
                1_500,
                ImportJobs.sample(),
                row -> row.put("URN", "5" + row.get("URN").substring(1)));
        try {
            faults.throttleEvery(3);
            Map<String, Object> job = imports.finished(imports.upload(throttledFile, "PART"), Duration.ofMinutes(2));
            assertThat(faults.throttled()).isGreaterThan(10);
            assertThat(job.get("status")).isEqualTo("SUCCEEDED");
            assertThat(ImportJobs.counts(job)).containsEntry("read", 1_500).containsEntry("created", 1_500);
            assertThat(ImportJobs.register(context).keySet().stream().filter(u -> u.startsWith("5")))
                    .hasSize(1_500);
        } finally {
            Files.deleteIfExists(throttledFile);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void badRowsAreNamedAndTheRestImported() throws Exception {
        Path bad = Files.writeString(Files.createTempFile("gias", ".csv"), """
                "URN","EstablishmentName","LA (code)","HeadLastName"\r
                "810001","Good New School","202","Canary"\r
                "12x","Bad Urn School","202",""\r
                "810002","","202",""\r
                "810001","Duplicate School","202",""\r
                "810003","Another Good School","206"\r
                "810004","Last Good School","206",""\r
                """, GiasFiles.WINDOWS_1252);
        try {
            String id = imports.upload(bad, null);
            Map<String, Object> job = imports.finished(id, Duration.ofMinutes(1));
            assertThat(job.get("status")).isEqualTo("SUCCEEDED");
            assertThat(ImportJobs.counts(job))
                    .containsEntry("read", 6)
                    .containsEntry("created", 2)
                    .containsEntry("rejected", 4);
            var rejected = api.get("/schools/imports/" + id + "/rejected", registrar);
            assertThat(rejected.status()).isEqualTo(200);
            List<Map<String, Object>> rows =
                    (List<Map<String, Object>>) rejected.map().get("items");
            assertThat(rows).extracting(r -> r.get("line")).containsExactly(3, 4, 5, 6);
            assertThat(rows)
                    .extracting(r -> (String) r.get("reason"))
                    .containsExactly(
                            "URN is not a number",
                            "EstablishmentName is empty",
                            "duplicate URN, first seen at line 2",
                            "the row has 3 fields but the header has 4");
            assertThat(api.get("/schools/810004", registrar).map()).containsEntry("name", "Last Good School");
            assertThat(api.get("/schools/810001", registrar).body()).doesNotContain("Canary");
        } finally {
            Files.deleteIfExists(bad);
        }
    }

    @Test
    void aFileThatIsNotARegisterFailsTheJobWithTheReason() throws Exception {
        Path notGias =
                Files.writeString(Files.createTempFile("not", ".csv"), "\"Name\",\"Postcode\"\r\n\"A\",\"B\"\r\n");
        try (StdoutCapture out = StdoutCapture.start()) {
            String id = imports.upload(notGias, null);
            Map<String, Object> job = imports.finished(id, Duration.ofMinutes(1));
            assertThat(job.get("status")).isEqualTo("FAILED");
            assertThat((String) job.get("failure")).contains("no URN or EstablishmentName column");
            // the handler told CloudWatch, which the register-import-failed alarm watches
            List<Map<String, Object>> lines = Polling.until(
                    () -> out.metrics(json).stream()
                            .filter(l -> id.equals(l.get("importId")))
                            .toList(),
                    l -> !l.isEmpty(),
                    Duration.ofSeconds(30));
            assertThat(lines).singleElement().satisfies(line -> {
                assertThat(line)
                        .containsEntry(ImportMetrics.FAILED, 1.0)
                        .containsEntry("Kind", "schools")
                        .doesNotContainKey(ImportMetrics.SUCCEEDED);
                assertThat(StdoutCapture.definition(line))
                        .containsEntry("Namespace", ImportMetrics.NAMESPACE)
                        .containsEntry("Dimensions", List.of(List.of("Kind")));
            });
        } finally {
            Files.deleteIfExists(notGias);
        }
    }

    @Test
    void theDailyFileIsFetchedAndImportedByTheServiceItselfOnceADay() throws Exception {
        daily = Files.readAllBytes(file);
        FetchDailyFile fetch = context.getBean(FetchDailyFile.class);
        ImportJob fetched = fetch.today();
        assertThat(fetched.source()).isEqualTo(ImportJob.Source.SCHEDULE);
        assertThat(fetched.createdBy()).isEqualTo(FetchDailyFile.SERVICE);
        Map<String, Object> job = imports.finished(fetched.id(), Duration.ofMinutes(3));
        assertThat(job.get("status")).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job).containsEntry("scope", "WHOLE").containsEntry("source", "SCHEDULE");
        assertThat(((Number) ImportJobs.counts(job).get("read")).intValue()).isEqualTo(ROWS);
        assertThat(fetch.today().id()).as("once a day").isEqualTo(fetched.id());

        ImportJob missing = fetch.fetch(LocalDate.now().minusDays(3));
        assertThat(missing.status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(missing.failure()).contains("answered 404");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheRegistrarStartsOrFollowsImportsNeverAnAreasAdmin() throws Exception {
        String id = imports.upload(
                Files.writeString(Files.createTempFile("gias", ".csv"), "\"URN\",\"EstablishmentName\"\r\n"), null);
        var listed = api.get("/schools/imports?limit=3", registrar);
        assertThat(listed.status()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) listed.map().get("items"))
                .as("newest first")
                .first()
                .satisfies(job -> assertThat(job).containsEntry("id", id).containsEntry("kind", "schools"));
        for (Role role : Role.values()) {
            if (role == Role.REGISTRAR) {
                continue;
            }
            String bearer = fixtures.token(role, "202", "100000");
            assertThat(imports.ask(bearer, "WHOLE").status()).as(role.name()).isEqualTo(403);
            assertThat(api.get("/schools/imports/" + id, bearer).status())
                    .as(role.name())
                    .isEqualTo(403);
            assertThat(api.get("/schools/imports/" + id + "/rejected", bearer).status())
                    .as(role.name())
                    .isEqualTo(403);
            assertThat(api.get("/schools/imports", bearer).status())
                    .as(role.name())
                    .isEqualTo(403);
        }
        assertThat(imports.ask(null, null).status()).isEqualTo(401);
        assertThat(api.get("/schools/imports/imp_01M95NNP1CKH7S21YZFJDBKX4G", registrar)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/schools/imports/not-an-id", registrar).status()).isEqualTo(422);
        assertThat(api.post("/schools/imports", registrar, Map.of("scope", "EVERYTHING"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/schools/imports", registrar, Map.of("fileName", "x", "extra", 1))
                        .status())
                .isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUploadUrlIsForItsOwnFileOnlyAndUntilItExpires() throws Exception {
        Map<String, Object> upload =
                (Map<String, Object>) imports.ask(registrar, null).map().get("upload");
        String url = (String) upload.get("url");
        HttpClient http = HttpClient.newHttpClient();
        for (String forged : List.of(
                url.replaceFirst("signature=[0-9a-f]", "signature=x"),
                url.replaceFirst("uploads/imp_[0-9A-Z]+", "uploads/imp_01M95NNP1CKH7S21YZFJDBKX4G"),
                url.replaceFirst("expires=([0-9]+)", "expires=99999999999"))) {
            var sent = http.send(
                    HttpRequest.newBuilder(URI.create(forged))
                            .PUT(HttpRequest.BodyPublishers.ofString("x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(forged).isEqualTo(403);
        }
    }
}
