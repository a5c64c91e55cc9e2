package uk.sse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The init script's decisions, without LocalStack: it runs in bash against a stand-in {@code awslocal} that records
 * each call and answers the few queries the script reads (stream ARNs, function URLs). What LocalStack then does
 * with the calls is for {@link DeployAndCallTest}, where Docker is.
 */
class InitScriptTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Path dir;
    static String output;
    static List<List<String>> calls;

    @BeforeAll
    static void run() throws Exception {
        dir = Files.createTempDirectory("sse-init");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("awslocal");
        Files.writeString(fake, """
                #!/usr/bin/env bash
                printf '%s\\037' "$@" >> "$SSE_DIR/calls.log"; printf '\\n' >> "$SSE_DIR/calls.log"
                case "$1 $2" in
                  "dynamodb describe-table") echo "arn:aws:dynamodb:eu-west-2:000000000000:table/$4/stream/2026-12-02T00:00:00.000" ;;
                  "lambda create-function-url-config") echo "http://$4.lambda-url.eu-west-2.localhost.localstack.cloud:4566/" ;;
                esac
                """);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/jwks.json"), "{\"keys\":[]}");
        for (String module : List.of("directory", "indexer", "ledger")) {
            Path target = Files.createDirectories(dir.resolve("functions").resolve(module));
            Files.writeString(target.resolve("sse-" + module + "-0.1.0-SNAPSHOT-lambda.jar"), "jar");
            Files.writeString(target.resolve("sse-" + module + "-0.1.0-SNAPSHOT.jar"), "thin jar, not deployed");
        }
        ProcessBuilder bash = new ProcessBuilder(
                        "bash", System.getProperty("sse.localstack.init", "init/deploy-sse.sh"))
                .redirectErrorStream(true);
        bash.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        bash.environment().put("SSE_DIR", dir.toString());
        bash.environment().put("SSE_LOCALSTACK_OPENSEARCH", "false");
        Process process = bash.start();
        output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        calls = Files.readAllLines(dir.resolve("calls.log")).stream()
                .map(line -> Arrays.asList(line.split("\u001f")))
                .toList();
    }

    @Test
    void it_finishes_saying_ready_and_skips_the_modules_not_built_naming_them() {
        assertThat(output)
                .contains("sse-init: ready")
                .contains("SKIPPED sse-local-brokerage-api: no jar for module brokerage")
                .contains("SKIPPED sse-local-notifier-api: no jar for module notifier");
        assertThat(created("lambda", "create-function"))
                .extracting(c -> value(c, "--function-name"))
                .containsExactlyInAnyOrder(
                        "sse-local-directory-api",
                        "sse-local-directory-signals",
                        "sse-local-indexer",
                        "sse-local-ledger-api",
                        "sse-local-ledger-sweeper");
        assertThat(created("lambda", "create-function"))
                .allSatisfy(c -> assertThat(value(c, "--zip-file"))
                        .endsWith("-lambda.jar")
                        .startsWith("fileb://"));
    }

    @Test
    void the_tables_have_the_kernels_shape_streams_and_ttl_where_used() throws IOException {
        Map<String, Integer> indices = Map.of(
                "sse-local-directory", 2, "sse-local-ledger", 2, "sse-local-brokerage", 3, "sse-local-notifier", 2);
        List<List<String>> tables = created("dynamodb", "create-table");
        assertThat(tables)
                .extracting(c -> value(c, "--table-name"))
                .containsExactlyInAnyOrderElementsOf(indices.keySet());
        for (List<String> table : tables) {
            int n = indices.get(value(table, "--table-name"));
            JsonNode gsis = JSON.readTree(value(table, "--global-secondary-indexes"));
            assertThat(gsis).hasSize(n);
            assertThat(gsis.get(n - 1)
                            .get("KeySchema")
                            .get(0)
                            .get("AttributeName")
                            .asText())
                    .isEqualTo("gsi" + n + "pk");
            assertThat(value(table, "--stream-specification"))
                    .isEqualTo("StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES");
            assertThat(table).contains("AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE");
        }
        assertThat(created("dynamodb", "update-time-to-live"))
                .extracting(c -> value(c, "--table-name"))
                .containsExactlyInAnyOrder("sse-local-directory", "sse-local-brokerage", "sse-local-notifier");
    }

    @Test
    void every_function_gets_valid_json_environment_pointing_at_localstack_with_signing_off() throws IOException {
        for (List<String> function : created("lambda", "create-function")) {
            JsonNode variables = JSON.readTree(value(function, "--environment")).get("Variables");
            assertThat(variables.get("MICRONAUT_ENVIRONMENTS").asText()).isEqualTo("aws");
            assertThat(variables.get("SSE_AWS_ENDPOINT").asText()).isEqualTo("http://localhost.localstack.cloud:4566");
            assertThat(variables.get("SSE_OPENSEARCH_AWS_SIGNING").asText()).isEqualTo("false");
            assertThat(variables.get("SSE_JWKS_URL").asText()).endsWith("/sse-local/jwks.json");
        }
        JsonNode ledger = JSON.readTree(value(
                created("lambda", "create-function").stream()
                        .filter(c -> value(c, "--function-name").equals("sse-local-ledger-api"))
                        .findFirst()
                        .orElseThrow(),
                "--environment"));
        assertThat(ledger.get("Variables").get("SSE_LEDGER_TABLE").asText()).isEqualTo("sse-local-ledger");
    }

    @Test
    void stream_mappings_report_partial_failures_bisect_retry_five_times_and_dead_letter() throws IOException {
        List<List<String>> mappings = created("lambda", "create-event-source-mapping");
        assertThat(mappings)
                .extracting(c -> value(c, "--function-name") + " <- "
                        + value(c, "--event-source-arn").replaceAll(".*table/([^/]+)/.*", "$1"))
                .containsExactlyInAnyOrder(
                        "sse-local-directory-signals <- sse-local-brokerage",
                        "sse-local-indexer <- sse-local-directory");
        for (List<String> mapping : mappings) {
            assertThat(mapping).contains("--bisect-batch-on-function-error");
            assertThat(value(mapping, "--function-response-types")).isEqualTo("ReportBatchItemFailures");
            assertThat(value(mapping, "--maximum-retry-attempts")).isEqualTo("5");
            assertThat(JSON.readTree(value(mapping, "--destination-config"))
                            .at("/OnFailure/Destination")
                            .asText())
                    .isEqualTo("arn:aws:sqs:eu-west-2:000000000000:" + value(mapping, "--function-name") + "-dlq");
        }
        assertThat(created("sqs", "create-queue"))
                .extracting(c -> value(c, "--queue-name"))
                .containsExactlyInAnyOrder("sse-local-directory-signals-dlq", "sse-local-indexer-dlq");
    }

    @Test
    void each_api_function_gets_a_url_written_for_the_callers() throws IOException {
        assertThat(Files.readAllLines(dir.resolve("out/urls.env")))
                .containsExactlyInAnyOrder(
                        "SSE_URL_DIRECTORY_API=http://sse-local-directory-api.lambda-url.eu-west-2.localhost.localstack.cloud:4566/",
                        "SSE_URL_LEDGER_API=http://sse-local-ledger-api.lambda-url.eu-west-2.localhost.localstack.cloud:4566/");
    }

    private static List<List<String>> created(String service, String operation) {
        return calls.stream()
                .filter(c ->
                        c.size() > 1 && c.get(0).equals(service) && c.get(1).equals(operation))
                .toList();
    }

    private static String value(List<String> call, String option) {
        int at = call.indexOf(option);
        assertThat(at).as(option + " in " + call).isNotNegative();
        return call.get(at + 1);
    }
}
