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

    /**
     * Every function's jar reads and writes the events Lambda sends it as Lambda's Java runtime does, through the jar's
     * own {@code CustomPojoSerializer}: the shade filters leave out AWS serialization's Jackson and the events no
     * function takes (decision 0115), so this runs the real jar, not the module's classpath. (The indexer's jar has no
     * serializer of its own: Lambda's runtime reads its stream batches with the runtime's.) Web's also reads the
     * cookies a browser sends together.
     */
    @ParameterizedTest
    @ValueSource(strings = {"directory", "ledger", "brokerage", "notifier", "reporting", "web"})
    void theDeployedJarReadsAndWritesLambdasEventJson(String name) throws Exception {
        Path jar = lambdaJar(name);
        Path probe = Files.createTempDirectory("event-probe");
        Path classes = Path.of(LambdaEventJsonProbe.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String packagePath = LambdaEventJsonProbe.class.getPackageName().replace('.', '/');
        Files.createDirectories(probe.resolve(packagePath));
        try (Stream<Path> files = Files.list(classes.resolve(packagePath))) {
            for (Path file : (Iterable<Path>) files.filter(
                    f -> f.getFileName().toString().startsWith(LambdaEventJsonProbe.class.getSimpleName()))::iterator) {
                Files.copy(file, probe.resolve(packagePath).resolve(file.getFileName()));
            }
        }
        java.util.List<String> classpath = new java.util.ArrayList<>(java.util.List.of(jar.toString()));
        ColdStartBenchmark.layersOf(jar).forEach(layer -> classpath.add(layer.toString()));
        classpath.add(probe.toString());
        Path out = Files.createTempFile("event-probe", ".log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        String.join(java.io.File.pathSeparator, classpath),
                        LambdaEventJsonProbe.class.getName(),
                        name.equals("web") ? "cookies" : "")
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        assertThat(Files.readString(out))
                .as("%s's jar with Lambda's event JSON", name)
                .contains("EVENTS ok io.micronaut.aws.lambda.events.serde.SerdeCustomPojoSerializer");
        if (name.equals("web")) {
            assertThat(Files.readString(out)).contains("COOKIES ok");
        }
        assertThat(process.exitValue()).isZero();
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
