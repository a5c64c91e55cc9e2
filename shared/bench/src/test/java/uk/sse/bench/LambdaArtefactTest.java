package uk.sse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shaded Lambda jar, alone on a fresh JVM's classpath with its layers' jars (the directory's embeddings layer),
 * answers an API Gateway event after the SnapStart hooks' priming has sent its own requests through the handler. Tests
 * inside the module run with test dependencies on the classpath and cannot see a runtime dependency the jar lacks.
 */
class LambdaArtefactTest {

    @ParameterizedTest
    @ValueSource(strings = {"directory", "ledger", "brokerage", "notifier", "reporting", "web"})
    void theDeployedJarAnswersOnItsOwnAfterPriming(String name) throws Exception {
        Path jar = lambdaJar(name);
        ColdStartBenchmark.Function function = ColdStartBenchmark.Function.named(name, jar);
        String line = ColdStartBenchmark.probe(
                ColdStartBenchmark.probeClasspath(jar), function, List.of(), "2", function.path(), "true");
        assertThat(line)
                .as("nothing is stored, so the handler reads its store (or renders a page) and answers")
                .contains("status=" + function.status());
        assertThat(ColdStartBenchmark.value(line, "snapshot"))
                .as("priming ran between building the handler and the first request")
                .isBetween(ColdStartBenchmark.value(line, "init"), ColdStartBenchmark.value(line, "first"));
    }

    private static Path lambdaJar(String function) throws IOException {
        Path target = Path.of("../../functions/" + function + "/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Lambda jar in " + target.toAbsolutePath()
                            + ": run the whole build (./mvnw -B verify) so that the function is packaged first"));
        }
    }
}
