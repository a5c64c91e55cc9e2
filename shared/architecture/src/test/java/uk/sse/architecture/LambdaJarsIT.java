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
