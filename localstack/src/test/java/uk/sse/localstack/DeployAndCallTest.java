package uk.sse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Deploys the built function jars on LocalStack with the same init script as {@code docker-compose.yml} and calls
 * them as the HTTP API would (payload 2.0 events with signed tokens). Needs a Docker engine: without one these tests
 * are skipped, saying so (or fail, under {@code -Plocalstack}, on a machine that must run them).
 */
@ExtendWith(DockerRequired.class)
class DeployAndCallTest {

    static final List<String> MODULES = List.of("directory", "indexer", "ledger");

    static LocalStackContainer localstack;
    static SigningKey key;

    @BeforeAll
    static void deploy() throws Exception {
        Path functions = Path.of(System.getProperty("sse.functions.dir", "../functions"));
        key = new SigningKey();
        Path jwks = Files.createTempFile("jwks", ".json");
        Files.writeString(jwks, key.jwks());

        localstack = new LocalStackContainer(
                        DockerImageName.parse(System.getProperty("sse.localstack.image", "localstack/localstack:4.0.3"))
                                .asCompatibleSubstituteFor("localstack/localstack"))
                .withEnv("AWS_DEFAULT_REGION", "eu-west-2")
                .withEnv("SSE_LOCALSTACK_OPENSEARCH", "false")
                .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "120")
                .withEnv(
                        "LOCALSTACK_AUTH_TOKEN",
                        Optional.ofNullable(System.getenv("LOCALSTACK_AUTH_TOKEN"))
                                .orElse(""))
                // LocalStack runs each Lambda in a container of its own, through the host's engine
                .withFileSystemBind(
                        DockerClientFactory.instance().getRemoteDockerUnixSocketPath(),
                        "/var/run/docker.sock",
                        BindMode.READ_WRITE)
                .withCopyFileToContainer(
                        MountableFile.forHostPath(
                                Path.of(System.getProperty("sse.localstack.init", "init/deploy-sse.sh")), 0755),
                        "/etc/localstack/init/ready.d/deploy-sse.sh")
                .withCopyFileToContainer(MountableFile.forHostPath(jwks), "/etc/sse/keys/jwks.json")
                .waitingFor(Wait.forLogMessage(".*sse-init: ready.*", 1).withStartupTimeout(Duration.ofMinutes(10)));
        for (String module : MODULES) {
            Path jar = jarOf(functions, module);
            localstack.withCopyFileToContainer(
                    MountableFile.forHostPath(jar), "/etc/sse/functions/" + module + "/" + jar.getFileName());
        }
        localstack.start();
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Test
    void the_directory_answers_a_signed_callers_taxonomy() throws Exception {
        Answer answer = call("directory-api", "GET", "/taxonomy", "", key.bearer("ADVISER", "888", "100000"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("phonics");
    }

    @Test
    void a_call_without_a_token_is_refused_by_the_function_itself() throws Exception {
        Answer answer = call("directory-api", "GET", "/taxonomy", "", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
    }

    @Test
    void the_ledger_checks_an_area_against_its_own_table() throws Exception {
        Answer answer =
                call("ledger-api", "GET", "/ledger/check", "area=888", key.bearer("COMMISSIONER", "888", "888"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void the_indexers_mapping_reports_partial_failures_bisects_and_has_a_dead_letter_queue() throws Exception {
        Container.ExecResult mappings = localstack.execInContainer(
                "awslocal", "lambda", "list-event-source-mappings", "--function-name", "sse-local-indexer");
        assertThat(mappings.getExitCode()).as(mappings.getStderr()).isZero();
        assertThat(mappings.getStdout())
                .contains("ReportBatchItemFailures")
                .contains("\"BisectBatchOnFunctionError\": true")
                .contains("sse-local-indexer-dlq")
                .contains("sse-local-directory");
    }

    record Answer(int status, String body) {}

    /** Invokes an API function with the event API Gateway's HTTP API (payload 2.0) would send it. */
    static Answer call(String function, String method, String path, String query, String authorization)
            throws Exception {
        String headers = "\"content-type\":\"application/json\""
                + (authorization == null ? "" : ",\"authorization\":\"" + authorization + "\"");
        String event = "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path
                + "\",\"rawQueryString\":\"" + query
                + "\",\"headers\":{" + headers + "},\"requestContext\":{\"http\":{\"method\":\"" + method
                + "\",\"path\":\"" + path
                + "\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"sse-localstack-test\"},"
                + "\"requestId\":\"test\",\"stage\":\"$default\",\"timeEpoch\":" + System.currentTimeMillis()
                + "},\"isBase64Encoded\":false}";
        Container.ExecResult invoked = localstack.execInContainer(
                "awslocal",
                "lambda",
                "invoke",
                "--function-name",
                "sse-local-" + function,
                "--cli-binary-format",
                "raw-in-base64-out",
                "--payload",
                event,
                "/tmp/answer.json");
        assertThat(invoked.getExitCode()).as(invoked.getStderr()).isZero();
        String answer = localstack.execInContainer("cat", "/tmp/answer.json").getStdout();
        String status = answer.replaceAll("(?s).*\"statusCode\"\\s*:\\s*(\\d+).*", "$1");
        assertThat(status).as(answer).matches("\\d+");
        return new Answer(Integer.parseInt(status), answer);
    }

    static Path jarOf(Path functions, String module) throws Exception {
        try (Stream<Path> files = Files.list(functions.resolve(module).resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("sse-" + module + "-.*-lambda\\.jar"))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException(
                            "no Lambda jar for " + module + ": build it with ./mvnw -B package -DskipTests"));
        }
    }
}
