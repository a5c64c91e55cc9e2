package uk.sse.infra;

import software.amazon.awscdk.services.lambda.Code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where each function module's Lambda jar comes from. The real jars are the shaded
 * {@code functions/<module>/target/sse-<module>-*-lambda.jar} that {@code ./mvnw package} builds; the tests, and a
 * synth before every function is built, use a tiny placeholder instead, which must never be deployed.
 */
public interface Artefacts {

    Code codeFor(String module);

    /** The built jars under {@code functionsDir}; a missing one is reported to {@code missing} and replaced by a placeholder only if allowed. */
    static Artefacts moduleJars(Path functionsDir, boolean placeholderForMissing, Consumer<String> missing) {
        return module -> {
            Optional<Path> jar = jarOf(functionsDir, module);
            if (jar.isPresent()) {
                return Code.fromAsset(jar.get().toString());
            }
            String what = "no Lambda jar for '" + module + "' under " + functionsDir.resolve(module).resolve("target")
                    + " (build it with ./mvnw -B package -DskipTests)";
            if (!placeholderForMissing) {
                throw new IllegalStateException(what + "; or synthesise with -c placeholders=true, which must not be deployed");
            }
            missing.accept(what + ": a placeholder stands in, so this template must not be deployed");
            return placeholder().codeFor(module);
        };
    }

    /** One small directory asset for every function: synthesises fast and needs nothing built. */
    static Artefacts placeholder() {
        Path dir = Placeholder.DIR;
        return module -> Code.fromAsset(dir.toString());
    }

    static Optional<Path> jarOf(Path functionsDir, String module) {
        Path target = functionsDir.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            String prefix = "sse-" + module + "-";
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith("-lambda.jar"))
                    .sorted().reduce((first, second) -> second);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Made once per JVM; its content is fixed, so its asset hash is too. */
    final class Placeholder {
        static final Path DIR = create();

        private Placeholder() { }

        private static Path create() {
            try {
                Path dir = Files.createTempDirectory("sse-placeholder-asset");
                Files.writeString(dir.resolve("PLACEHOLDER.txt"),
                        "Not a function: a stand-in asset for synthesis before the jars are built. Never deploy it.\n",
                        StandardCharsets.UTF_8);
                dir.toFile().deleteOnExit();
                dir.resolve("PLACEHOLDER.txt").toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
