package uk.sse.directory.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.directory.web.LambdaTest;
import uk.sse.engines.DynamoDbLocalEngine;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.GiasFiles;
import uk.sse.testing.TableProperties;

/**
 * The whole register at national scale: a 50,000-row file with GIAS's full 140-column header (the sample's 2,647 real
 * schools and 47,353 generated ones), made here on disk, uploaded to the presigned URL and imported by the job that
 * its arrival starts; then the same file again.
 */
@MicronautTest(environments = "test")
class NationalRegisterImportTest extends LambdaTest {

    static final int ROWS = 50_000;
    /**
     * A DynamoDB Local of its own: the JVM's shared one slows as the stream records of every test before pile up
     * (docs/performance.md), which would make this test's time depend on the tests that ran first.
     */
    static DynamoDbLocalEngine dynamo;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        synchronized (NationalRegisterImportTest.class) {
            if (dynamo == null) {
                dynamo = DynamoDbLocalEngine.start();
            }
        }
        return TableProperties.fresh(dynamo.endpoint().toString(), "sse.directory.table-name", "directory", getClass());
    }

    Path file;
    ImportJobs imports;
    Map<String, String> expectedNames = new HashMap<>();

    @BeforeAll
    void makeTheFile() throws Exception {
        file = Files.createTempFile("edubasealldata", ".csv");
        GiasFiles.write(
                file,
                ROWS,
                ImportJobs.sample(),
                row -> expectedNames.put(row.get("URN"), row.get("EstablishmentName")));
        imports = new ImportJobs(api, fixtures.token(Role.REGISTRAR, null, null));
    }

    @AfterAll
    void removeTheFile() throws Exception {
        Files.deleteIfExists(file);
        dynamo.close();
    }

    @Test
    void theRegisterHoldsExactlyTheFileAndTheSameFileAgainChangesNothing() throws Exception {
        assertThat(Files.size(file)).as("a file of GIAS's size and shape").isGreaterThan(20_000_000);

        Map<String, Object> first = imports.finished(imports.upload(file, "WHOLE"), Duration.ofMinutes(8));
        assertThat(first.get("status")).as(first.toString()).isEqualTo("SUCCEEDED");
        assertThat(ImportJobs.counts(first))
                .containsEntry("read", ROWS)
                .containsEntry("created", ROWS)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 0)
                .containsEntry("rejected", 0)
                .containsEntry("closed", 0)
                .containsEntry("moved", 0);

        Map<String, Map<String, AttributeValue>> register = ImportJobs.register(context, "urn, #n, lastImport");
        Map<String, String> names = new HashMap<>();
        register.forEach((urn, item) -> names.put(urn, item.get("name").s()));
        assertThat(names).isEqualTo(expectedNames);
        // the columns that matter, read by name
        Map<String, AttributeValue> generated = ImportJobs.item(context, GiasFiles.generatedUrn(26));
        assertThat(generated.get("trustName").s()).isEqualTo("Trust 26");
        assertThat(generated.get("resourcedProvisionType").s()).isEqualTo("Resourced provision and SEN unit");
        assertThat(generated.get("ofstedRating").s()).isEqualTo("Good");
        assertThat(generated.get("ofstedLastInspection").s()).isEqualTo("2022-03-27");
        assertThat(generated.get("urbanRural").s()).isEqualTo("(England/Wales) Urban city and town");
        assertThat(generated.get("pupils").n()).isEqualTo("76");
        // head teachers never stored: every head column of the file holds a canary
        for (String urn : List.of(
                "100000", GiasFiles.generatedUrn(0), GiasFiles.generatedUrn(26), GiasFiles.generatedUrn(47_352))) {
            assertThat(ImportJobs.item(context, urn).toString())
                    .as(urn)
                    .doesNotContain(GiasFiles.HEAD_CANARY)
                    .contains(urn);
        }

        String firstId = (String) first.get("id");
        Map<String, Object> again = imports.finished(imports.upload(file, "WHOLE"), Duration.ofMinutes(8));
        assertThat(again.get("status")).isEqualTo("SUCCEEDED");
        assertThat(ImportJobs.counts(again))
                .containsEntry("read", ROWS)
                .containsEntry("unchanged", ROWS)
                .containsEntry("created", 0)
                .containsEntry("updated", 0)
                .containsEntry("closed", 0);
        Map<String, Map<String, AttributeValue>> after = ImportJobs.register(context, "urn, lastImport");
        assertThat(after.keySet()).isEqualTo(expectedNames.keySet());
        assertThat(after.values())
                .as("no school written again")
                .allSatisfy(item -> assertThat(item.get("lastImport").s()).isEqualTo(firstId));
    }
}
