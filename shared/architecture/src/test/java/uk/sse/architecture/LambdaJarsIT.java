package uk.sse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each function's shaded Lambda jar, as the CDK app deploys it, carries none of the local system, the benchmarks,
 * the engines, the test support or the demo data. Run by failsafe in {@code verify}, after the functions' package phase made the jars.
 */
class LambdaJarsIT {

    static final java.util.List<String> FUNCTIONS =
            Modules.FUNCTIONS.stream().sorted().toList();

    @ParameterizedTest
    @FieldSource("FUNCTIONS")
    void carriesNothingThatStaysHome(String function) {
        Path jar = Path.of(
                System.getProperty("sse.functions.dir"),
                function,
                "target",
                "sse-" + function + "-" + System.getProperty("sse.version") + "-lambda.jar");
        assertThat(jar)
                .as("the %s function's Lambda jar (built by its package phase)", function)
                .satisfies(Files::isRegularFile);

        assertThat(LambdaJars.forbiddenEntries(jar))
                .as("what %s's Lambda jar must not carry", function)
                .isEmpty();
        assertThat(LambdaJars.entries(jar))
                .as("%s's Lambda jar: the model and its runtime are in the embeddings layer", function)
                .noneMatch(e ->
                        e.endsWith(".onnx") || e.startsWith("ai/onnxruntime/") || e.startsWith("dev/langchain4j/"));
    }

    /** The kernel split (decision 0091): the ledger's jar, for one, carries no OpenSearch client. */
    @ParameterizedTest
    @FieldSource("FUNCTIONS")
    void carriesOnlyTheKernelAdaptersItUses(String function) {
        Path jar = Path.of(
                System.getProperty("sse.functions.dir"),
                function,
                "target",
                "sse-" + function + "-" + System.getProperty("sse.version") + "-lambda.jar");
        java.util.Set<String> entries = LambdaJars.entries(jar);
        assertThat(LambdaJars.unusedAdapterEntries(function, entries))
                .as("what %s's Lambda jar carries and does not use", function)
                .isEmpty();
        assertThat(entries)
                .as("%s's Lambda jar has the kernel's HTTP edge", function)
                .contains("uk/sse/kernel/logging/JsonLogEncoder.class");
        if (LambdaJars.SEARCHING.contains(function)) {
            assertThat(entries)
                    .as("%s's Lambda jar has the OpenSearch adapters", function)
                    .contains(
                            "uk/sse/kernel/search/OpenSearchClientFactory.class",
                            "uk/sse/kernel/search/offers-index.json");
        }
    }

    /**
     * Issue 20's 20 MB, or the measured size where a function carries more than every function does (docs/performance.md,
     * "Jar sizes"; decision 0115): the notifier GOV.UK Notify's client and Secrets Manager, reporting the
     * JDBC stack and Flyway, the directory S3 and the OpenSearch client, the indexer the OpenSearch client. What left every
     * jar: Netty and Micronaut's HTTP client, the shaded Jackson of AWS's Lambda serialization library, and the Lambda
     * events no function takes; from the directory's and the indexer's, the OpenSearch APIs they do not call.
     */
    @ParameterizedTest
    @FieldSource("FUNCTIONS")
    void staysUnderItsCeilingWithoutNettyOrUnusedLambdaEvents(String function) throws java.io.IOException {
        Path jar = lambdaJar(function);
        long ceiling = CEILINGS.getOrDefault(function, GOAL);
        assertThat(Files.size(jar)).as("%s's Lambda jar, bytes", function).isLessThan(ceiling);

        java.util.Set<String> entries = LambdaJars.entries(jar);
        assertThat(entries)
                .as("%s's Lambda jar: no Micronaut HTTP client or AWS serialization's Jackson", function)
                .noneMatch(e -> e.startsWith("io/micronaut/http/client/netty/")
                        || e.startsWith("io/micronaut/websocket/")
                        || e.startsWith("com/amazonaws/lambda/thirdparty/com/fasterxml/jackson/databind/")
                        || e.startsWith("com/amazonaws/lambda/thirdparty/com/fasterxml/jackson/core/")
                        || e.startsWith("com/amazonaws/services/lambda/runtime/events/Kinesis")
                        || e.startsWith("com/amazonaws/services/lambda/runtime/events/SQS"));
        if (!function.equals("web")) {
            assertThat(entries)
                    .as("%s's Lambda jar: no Netty (web keeps its cookie codecs)", function)
                    .noneMatch(e -> e.startsWith("io/netty/") || e.startsWith("io/micronaut/http/netty/"));
        }
        assertThat(entries)
                .as("%s's Lambda jar: the events it takes, and Nimbus's fetcher for the JWKS", function)
                .contains(
                        "com/amazonaws/services/lambda/runtime/events/APIGatewayV2HTTPEvent.class",
                        "com/amazonaws/services/lambda/runtime/events/DynamodbEvent.class",
                        "com/amazonaws/services/lambda/runtime/events/ScheduledEvent.class",
                        "com/nimbusds/jose/util/DefaultResourceRetriever.class");
        if (!function.equals("indexer")) { // its stream batches are read by Lambda's runtime's own serializer
            assertThat(entries)
                    .as("%s's Lambda jar: Micronaut's serializer for Lambda's event JSON", function)
                    .contains(
                            "META-INF/services/com.amazonaws.services.lambda.runtime.CustomPojoSerializer",
                            "io/micronaut/aws/lambda/events/serde/SerdeCustomPojoSerializer.class");
        }
        assertThat(LambdaJars.missingServiceClasses(jar))
                .as("%s's Lambda jar: classes its service entries name", function)
                .isEmpty();
    }

    /**
     * With no Micronaut HTTP client in the jar, micronaut-security-jwt's HTTP-client JWKS fetcher must be switched off,
     * or the handler fails as it starts: it is enabled by the client's interfaces alone (decision 0115).
     */
    @ParameterizedTest
    @FieldSource("FUNCTIONS")
    void fetchesTheIdentityProvidersKeysWithoutTheHttpClient(String function) throws java.io.IOException {
        try (java.util.zip.ZipFile zip =
                new java.util.zip.ZipFile(lambdaJar(function).toFile())) {
            String config = new String(
                    zip.getInputStream(zip.getEntry("application.yml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(config)
                    .as("%s's application.yml", function)
                    .containsPattern("jwks-client:\\s+http-client:\\s+enabled: false");
        }
    }

    /** Bytes: 20 MB, issue 20's goal. */
    static final long GOAL = 20_000_000L;

    /** Bytes: the functions whose jars are over the goal, each with a little room over its size on 2026-12-07. */
    static final java.util.Map<String, Long> CEILINGS = java.util.Map.of(
            // the Secrets Manager client for the erasure key (decision 0117) took these two 0.8 MB over 19.6
            "ledger", 20_500_000L,
            "brokerage", 20_500_000L,
            "notifier", 23_000_000L,
            "reporting", 28_500_000L,
            "indexer", 33_000_000L,
            "directory", 41_000_000L);

    private static Path lambdaJar(String function) {
        return Path.of(
                System.getProperty("sse.functions.dir"),
                function,
                "target",
                "sse-" + function + "-" + System.getProperty("sse.version") + "-lambda.jar");
    }

    /**
     * The embeddings layer as Lambda reads it (java/lib/*.jar): a model, ONNX Runtime's and the tokenizer's Linux arm64
     * libraries and no other platform's, and not one file that a function's jar carries too (decision 0055).
     */
    @org.junit.jupiter.api.Test
    void theEmbeddingsLayerHoldsTheModelAndItsRuntimeForArm64AndNothingAFunctionCarries() {
        Path zip = Path.of(
                System.getProperty("sse.embeddings.dir"),
                "sse-embeddings-" + System.getProperty("sse.version") + "-lambda-layer.zip");
        assertThat(zip)
                .as("the embeddings layer (built by shared/embeddings' package phase)")
                .satisfies(Files::isRegularFile);
        java.util.Map<String, java.util.Set<String>> layer = LambdaJars.layer(zip);
        assertThat(layer.keySet())
                .allMatch(name -> name.equals("java/")
                        || name.equals("java/lib/")
                        || name.startsWith("java/lib/")
                                && name.endsWith(".jar")
                                && name.indexOf('/', "java/lib/".length()) < 0);
        java.util.Set<String> inLayer = new java.util.TreeSet<>();
        layer.values().forEach(inLayer::addAll);
        assertThat(inLayer)
                .anyMatch(e -> e.endsWith(".onnx"))
                .anyMatch(e -> e.startsWith("ai/onnxruntime/native/linux-aarch64/"))
                .anyMatch(e -> e.contains("linux-aarch64/") && e.contains("tokenizers"))
                .noneMatch(LambdaJars::otherPlatformNative)
                .noneMatch(e -> e.startsWith("uk/sse/"));
        for (String function : FUNCTIONS) {
            Path jar = Path.of(
                    System.getProperty("sse.functions.dir"),
                    function,
                    "target",
                    "sse-" + function + "-" + System.getProperty("sse.version") + "-lambda.jar");
            assertThat(LambdaJars.entries(jar))
                    .as("%s's Lambda jar against the layer", function)
                    .filteredOn(e -> !e.startsWith("META-INF/"))
                    .doesNotContainAnyElementsOf(inLayer);
        }
    }
}
