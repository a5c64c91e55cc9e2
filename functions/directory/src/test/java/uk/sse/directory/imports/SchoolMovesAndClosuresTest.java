package uk.sse.directory.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.directory.web.LambdaTest;
import uk.sse.kernel.identity.Role;

/** Schools that change local authority move to the new area, as an event; schools that close are marked so, never deleted. */
@MicronautTest(environments = "test")
class SchoolMovesAndClosuresTest extends LambdaTest {

    @Inject
    ApplicationContext context;

    ImportJobs imports;
    String registrar;

    @BeforeAll
    void setUp() {
        registrar = fixtures.token(Role.REGISTRAR, null, null);
        imports = new ImportJobs(api, registrar);
    }

    static String staying() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            rows.append("\"8300")
                    .append(String.format("%02d", i))
                    .append("\",\"Staying School ")
                    .append(i)
                    .append("\",\"206\",\"Islington\",\"Open\",\"\"\r\n");
        }
        return rows.toString();
    }

    Path file(String text) throws Exception {
        return Files.writeString(
                Files.createTempFile("gias", ".csv"),
                "\"URN\",\"EstablishmentName\",\"LA (code)\",\"LA (name)\",\"EstablishmentStatus (name)\",\"CloseDate\"\r\n"
                        + text);
    }

    Map<String, Object> imported(String text, String scope) throws Exception {
        Path file = file(text);
        try {
            Map<String, Object> job = imports.finished(imports.upload(file, scope), Duration.ofMinutes(2));
            assertThat(job.get("status")).as(job.toString()).isEqualTo("SUCCEEDED");
            return job;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aSchoolThatChangesLaMovesAndOneThatLeavesTheWholeFileIsClosedNotDeleted() throws Exception {
        String moving = "\"820001\",\"Moving School\",\"202\",\"Camden\",\"Open\",\"\"\r\n";
        imported(
                moving
                        + "\"820002\",\"Leaving School\",\"202\",\"Camden\",\"Open\",\"\"\r\n"
                        + "\"820003\",\"Closing School\",\"206\",\"Islington\",\"Open\",\"\"\r\n" + staying(),
                "PART");

        // a file of the whole register that lacks 42 of its 43 schools is more likely cut short: nothing is closed
        Map<String, Object> held = imported(moving, "WHOLE");
        assertThat((List<?>) held.get("warnings")).singleElement().asString().contains("none was closed");
        assertThat(ImportJobs.counts(held)).containsEntry("closed", 0).containsEntry("unchanged", 1);
        assertThat(api.get("/schools/820002", registrar).map()).containsEntry("status", "Open");

        Map<String, Object> job = imported(
                "\"820001\",\"Moving School\",\"206\",\"Islington\",\"Open\",\"\"\r\n"
                        + "\"820003\",\"Closing School\",\"206\",\"Islington\",\"Closed\",\"31-12-2025\"\r\n"
                        + staying(),
                "WHOLE");
        assertThat(ImportJobs.counts(job))
                .containsEntry("moved", 1)
                .containsEntry("closed", 2)
                .containsEntry("updated", 2)
                .containsEntry("unchanged", 40);

        assertThat(api.get("/schools/820001", registrar).map())
                .containsEntry("laCode", "206")
                .containsEntry("laName", "Islington");
        assertThat(api.get("/schools/820002", registrar).map())
                .containsEntry("status", "Closed")
                .containsEntry(
                        "closedOn", LocalDate.now(ZoneId.of("Europe/London")).toString());
        assertThat(api.get("/schools/820003", registrar).map())
                .containsEntry("status", "Closed")
                .containsEntry("closedOn", "2025-12-31");
        assertThat(ImportJobs.events(context, "directory.school.moved"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("envelope").s())
                        .contains("\"fromLaCode\":\"202\"", "\"toLaCode\":\"206\"", "\"area\":\"206\""));
        assertThat(ImportJobs.events(context, "directory.school.closed"))
                .extracting(e -> e.get("envelope").s())
                .hasSize(2)
                .anySatisfy(text -> assertThat(text).contains("820002", "no longer in the register's file"))
                .anySatisfy(text -> assertThat(text).contains("820003", "GIAS says"));

        // the same file again: nothing moves or closes twice
        Map<String, Object> again = imported(
                "\"820001\",\"Moving School\",\"206\",\"Islington\",\"Open\",\"\"\r\n"
                        + "\"820003\",\"Closing School\",\"206\",\"Islington\",\"Closed\",\"31-12-2025\"\r\n"
                        + staying(),
                "WHOLE");
        assertThat(ImportJobs.counts(again))
                .containsEntry("moved", 0)
                .containsEntry("closed", 0)
                .containsEntry("unchanged", 42);
        assertThat(ImportJobs.events(context, "directory.school.closed")).hasSize(2);
    }
}
