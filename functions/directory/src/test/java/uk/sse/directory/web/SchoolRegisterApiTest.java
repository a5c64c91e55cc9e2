package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;

/** The real 2,647-school sample imported through the Lambda handler, then re-imported and changed. */
@MicronautTest(environments = "test")
class SchoolRegisterApiTest extends LambdaTest {

    byte[] sample;
    String registrar;
    String adviser;

    @BeforeAll
    void load() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/gias/edubase-sample.csv")) {
            sample = in.readAllBytes();
        }
        registrar = fixtures.token(Role.REGISTRAR, null, null);
        adviser = fixtures.token(Role.ADVISER, "202", null);
        var first = importCsv(sample, registrar);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.map())
                .containsEntry("linesRead", 2647)
                .containsEntry("created", 2647)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 0);
    }

    @Test
    void reImportingTheSameFileChangesNothing() {
        var again = importCsv(sample, registrar);
        assertThat(again.map())
                .containsEntry("created", 0)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 2647);
    }

    @Test
    void reImportingAChangedFileUpdatesInPlace() {
        String text = new String(sample, StandardCharsets.ISO_8859_1)
                .replace("\"The Aldgate School\"", "\"The Aldgate School (renamed)\"");
        var changed = importCsv(text.getBytes(StandardCharsets.ISO_8859_1), registrar);
        assertThat(changed.map())
                .containsEntry("created", 0)
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 2646);
        assertThat(api.get("/schools/100000", adviser).map()).containsEntry("name", "The Aldgate School (renamed)");
        importCsv(sample, registrar);
        assertThat(api.get("/schools/100000", adviser).map()).containsEntry("name", "The Aldgate School");
    }

    @Test
    void aSchoolIsReadByUrnWithItsLocation() {
        var school = api.get("/schools/100000", adviser);
        assertThat(school.status()).isEqualTo(200);
        assertThat(school.map())
                .containsEntry("urn", "100000")
                .containsEntry("laCode", "201")
                .containsEntry("phase", "Primary");
        assertThat((Double) school.map().get("latitude"))
                .isCloseTo(51.5137, org.assertj.core.data.Offset.offset(0.001));
        assertThat(api.get("/schools/9999999", adviser).status()).isEqualTo(404);
    }

    @Test
    void schoolsAreFoundByTheStartOfTheirName() {
        var found = api.get("/schools?q=aldgate", adviser);
        assertThat(names(found)).contains("The Aldgate School");
        var byUrn = api.get("/schools?q=100000", adviser);
        assertThat(names(byUrn)).containsExactly("The Aldgate School");
        var inLa = api.get("/schools?q=thomas&la=202", adviser);
        assertThat(found.status()).isEqualTo(200);
        assertThat(names(inLa)).contains("Thomas Coram Centre");
        assertThat(inLa.list())
                .allSatisfy(s -> assertThat(((Map<?, ?>) s).get("laCode")).isEqualTo("202"));
        assertThat(api.get("/schools?q=a", adviser).status()).isEqualTo(422);
    }

    @Test
    void theNameLookUpListsClosedSchoolsOnlyWhenAskedOrByTheirUrn() {
        // a closed school under the name of an open one, as GIAS keeps them (decision 0062)
        var closing = importCsv(
                ("\"URN\",\"LA (code)\",\"LA (name)\",\"EstablishmentName\",\"EstablishmentStatus (name)\","
                                + "\"CloseDate\",\"Postcode\"\r\n"
                                + "\"9100001\",\"201\",\"City of London\",\"The Aldgate School\",\"Closed\","
                                + "\"31-08-2012\",\"EC3A 5DE\"\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                registrar);
        assertThat(closing.status()).as(closing.body()).isEqualTo(200);

        assertThat(urns(api.get("/schools?q=aldgate", adviser)))
                .contains("100000")
                .doesNotContain("9100001");
        assertThat(urns(api.get("/schools?q=aldgate&status=open", adviser)))
                .contains("100000")
                .doesNotContain("9100001");
        assertThat(urns(api.get("/schools?q=aldgate&status=closed", adviser))).containsExactly("9100001");
        assertThat(urns(api.get("/schools?q=aldgate&la=201&status=all", adviser)))
                .contains("100000", "9100001");
        var closed = api.get("/schools?q=9100001", adviser);
        assertThat(closed.list())
                .singleElement()
                .satisfies(s -> assertThat(((Map<?, ?>) s).get("status")).isEqualTo("Closed"))
                .satisfies(s -> assertThat(((Map<?, ?>) s).get("closedOn")).isEqualTo("2012-08-31"));
        assertThat(urns(api.get("/schools?q=9100001&status=open", adviser))).isEmpty();
        assertThat(urns(api.get("/schools?q=100000&status=closed", adviser))).isEmpty();
    }

    @Test
    void theNameLookUpsStatusIsOneOfOpenClosedOrAllAndNoOtherParameter() {
        for (String bad : List.of("shut", "CLOSED", "open,closed", "open&status=closed")) {
            var reply = api.get("/schools?q=aldgate&status=" + bad, adviser);
            // as /schools/search: a value against the rule is 422, two values 400
            assertThat(reply.status()).as(bad).isEqualTo(bad.startsWith("open") ? 400 : 422);
            assertThat(reply.contentType()).as(bad).startsWith("application/problem+json");
            assertThat(reply.problemFields()).as(bad).containsExactly("status");
        }
        var unknown = api.get("/schools?q=aldgate&state=closed", adviser);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.problemFields()).containsExactly("state");
    }

    @Test
    void onlyTheRegistrarImportsNeverAnAreasAdmin() {
        // a small file: the test server answers a refusal before reading a large body, and the client sees a reset
        byte[] small = Fixtures.SCHOOLS_CSV.getBytes(StandardCharsets.US_ASCII);
        for (Role role :
                new Role[] {Role.ADVISER, Role.BROKER, Role.PROVIDER, Role.ASSURER, Role.COMMISSIONER, Role.ADMIN}) {
            var denied = importCsv(small, fixtures.token(role, "202", "100000"));
            assertThat(denied.status()).as(role.name()).isEqualTo(403);
            assertThat(denied.contentType()).startsWith("application/problem+json");
        }
        assertThat(importCsv(small, null).status()).isEqualTo(401);
    }

    @Test
    void aFileWithoutAUrnColumnIsRefusedWhole() {
        var refused = importCsv(
                "\"EstablishmentName\",\"Postcode\"\r\n\"New School\",\"AB1 2CD\"\r\n"
                        .getBytes(StandardCharsets.US_ASCII),
                registrar);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemFields()).containsExactly("body");
        assertThat((String) refused.map().get("detail")).contains("URN");
    }

    @Test
    void badRowsAreReportedByLineAndTheRestImported() {
        String csv = """
                "URN","EstablishmentName","LA (code)"\r
                "900001","Good New School","202"\r
                "12x","Bad Urn School","202"\r
                "900002","","202"\r
                "900001","Duplicate School","202"\r
                """;
        var report = importCsv(csv.getBytes(StandardCharsets.US_ASCII), registrar);
        assertThat(report.map()).containsEntry("linesRead", 4).containsEntry("created", 1);
        @SuppressWarnings("unchecked")
        var rejected = (List<Map<String, Object>>) report.map().get("rejected");
        assertThat(rejected).extracting(r -> r.get("line")).containsExactly(3, 4, 5);
        assertThat(api.get("/schools/900001", adviser).map()).containsEntry("name", "Good New School");
    }

    @Test
    void windows1252TextArrivesIntact() {
        byte[] csv = "\"URN\",\"EstablishmentName\"\r\n\"900010\",\"St Mary\u2019s and St Th\u00e9r\u00e8se\"\r\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(importCsv(csv, registrar).map()).containsEntry("created", 1);
        assertThat(api.get("/schools/900010", adviser).map())
                .containsEntry("name", "St Mary\u2019s and St Th\u00e9r\u00e8se");
    }

    private Api.Reply importCsv(byte[] csv, String bearer) {
        return api.send(
                Api.auth(HttpRequest.POST("/schools/import", csv).contentType(MediaType.of("text/csv")), bearer));
    }

    private static List<Object> urns(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.list().stream()
                .<Object>map(s -> ((Map<?, ?>) s).get("urn"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Api.Reply reply) {
        return reply.list().stream()
                .map(s -> ((Map<String, Object>) s).get("name"))
                .toList();
    }
}
