package uk.sse.local.bench;

import org.junit.jupiter.api.Test;
import uk.sse.engines.Engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded Lambda jar, alone on a fresh JVM's classpath, answers an API Gateway event. Tests inside the
 * module run with test dependencies on the classpath and cannot see a runtime dependency the jar lacks.
 */
class LambdaArtefactTest {

    @Test
    void theDeployedJarAnswersOnItsOwn() throws Exception {
        Path jar = lambdaJar();
        String endpoint = Engines.dynamo().endpoint().toString();
        ColdStartBenchmark.createTable(endpoint, "directory-artefact");
        String line = ColdStartBenchmark.probe(ColdStartBenchmark.probeClasspath(jar), endpoint, "directory-artefact", "2", "/schools/100000");
        assertThat(line).as("no school is stored, so the handler reads DynamoDB and answers 404").contains("status=404");
    }

    private static Path lambdaJar() throws IOException {
        Path target = Path.of("../../functions/directory/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Lambda jar in " + target.toAbsolutePath()
                            + ": run the whole build (./mvnw -B verify) so that the directory is packaged first"));
        }
    }
}
