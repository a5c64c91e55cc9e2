package uk.sse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The web function's shaded Lambda jar, alone on a fresh JVM: it answers pages as API Gateway events with their security
 * headers, sends a person who is not signed in to Cognito's sign-in, serves its stylesheet for a year, and has no demo
 * sign-in (that is the local run's alone).
 */
class WebArtefactTest {

    @Test
    void theDeployedWebJarAnswersOnItsOwnWithoutTheDemoSignIn() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("../../functions/web/target"))) {
            jar = files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar"))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException("no web Lambda jar: run the whole build (./mvnw -B verify)"));
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                    .noneMatch(n -> n.contains("/demo/") || n.endsWith("DemoSignIn.class"))
                    .anyMatch(n -> n.endsWith("govuk-frontend.min.css"))
                    .noneMatch(n -> n.endsWith(".scss") || n.endsWith(".map"));
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Dsse.web.api-url=http://127.0.0.1:9",
                "-Dsse.web.session-key=artefact-session-key-of-32-characters-or-more",
                "-Dmicronaut.security.csrf.signature-key=artefact-csrf-key-of-32-characters-or-more-0123",
                "-cp",
                jar + java.io.File.pathSeparator + probeAlone(),
                WebProbe.class.getName()));
        Path out = Files.createTempFile("web-probe", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("the probe finishes")
                .isTrue();
        String log = Files.readString(out);
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log)
                .contains("WEB / status=200 csp=default-src 'self'", "signIn=true")
                .contains("WEB /visit status=303 location=/oauth/login/cognito?returnTo=%2Fvisit")
                .contains("WEB /sign-in status=404")
                .contains("WEB css status=200 cache=public,_max-age=31536000,_immutable");
        Files.delete(out);
    }

    /** The probe's class alone: the local run's classes hold its demo sign-in, which must not be on this classpath. */
    private static Path probeAlone() throws Exception {
        Path dir = Files.createTempDirectory("web-probe");
        String name = WebProbe.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        try (var in = WebProbe.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, target);
        }
        return dir;
    }
}
