package uk.sse.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import software.amazon.awscdk.services.lambda.Code;

/**
 * Where each handler's code comes from. The real code is its module's shaded
 * {@code functions/<module>/target/sse-<module>-*-lambda.jar} that {@code ./mvnw package} builds, and the embeddings
 * layer's {@code shared/embeddings/target/sse-embeddings-*-lambda-layer.zip} (decision 0055); the tests, and a synth
 * before every function is built, use a tiny placeholder instead, which must never be deployed.
 */
public interface Artefacts {

    Code codeFor(String module, String handler);

    /** The Lambda layer with the sentence-embedding model and its runtime ({@code java/lib/*.jar}). */
    Code embeddingsLayer();

    /** The built jars under {@code functionsDir}, and the layer beside them in {@code ../shared/embeddings/target}. */
    static Artefacts moduleJars(Path functionsDir, boolean placeholderForMissing, Consumer<String> missing) {
        return moduleJars(
                functionsDir,
                functionsDir.resolveSibling("shared").resolve("embeddings").resolve("target"),
                placeholderForMissing,
                missing);
    }

    /**
     * The built jars under {@code functionsDir}. A missing jar, or one without the handler's class (publishing a
     * SnapStart version runs the handler's init, so the deploy would fail), stops the synth; with
     * {@code placeholderForMissing} it is reported to {@code missing} and a placeholder stands in.
     */
    static Artefacts moduleJars(
            Path functionsDir, Path layerDir, boolean placeholderForMissing, Consumer<String> missing) {
        return new Artefacts() {
            @Override
            public Code codeFor(String module, String handler) {
                Optional<Path> jar = jarOf(functionsDir, module);
                String problem;
                if (jar.isEmpty()) {
                    problem = "no Lambda jar for '" + module + "' under "
                            + functionsDir.resolve(module).resolve("target")
                            + " (build it with ./mvnw -B package -DskipTests)";
                } else if (!holds(jar.get(), handler)) {
                    problem = jar.get().getFileName() + " has no " + handler
                            + ", so its SnapStart version could not be published";
                } else {
                    return Code.fromAsset(jar.get().toString());
                }
                if (!placeholderForMissing) {
                    throw new IllegalStateException(
                            problem + "; or synthesise with -c placeholders=true, which must not be deployed");
                }
                missing.accept(problem + ": a placeholder stands in, so this template must not be deployed");
                return placeholder().codeFor(module, handler);
            }

            @Override
            public Code embeddingsLayer() {
                Optional<Path> zip = newest(layerDir, "sse-embeddings-", "-lambda-layer.zip");
                if (zip.isPresent()) {
                    return Code.fromAsset(zip.get().toString());
                }
                String problem =
                        "no embeddings layer under " + layerDir + " (build it with ./mvnw -B package -DskipTests)";
                if (!placeholderForMissing) {
                    throw new IllegalStateException(
                            problem + "; or synthesise with -c placeholders=true, which must not be deployed");
                }
                missing.accept(problem + ": a placeholder stands in, so this template must not be deployed");
                return placeholder().embeddingsLayer();
            }
        };
    }

    /** One small directory asset for every handler and the layer: synthesises fast and needs nothing built. */
    static Artefacts placeholder() {
        Code code = Code.fromAsset(Placeholder.DIR.toString());
        return new Artefacts() {
            @Override
            public Code codeFor(String module, String handler) {
                return code;
            }

            @Override
            public Code embeddingsLayer() {
                return code;
            }
        };
    }

    /** The module's shaded jar, the last by name if several versions are there. */
    static Optional<Path> jarOf(Path functionsDir, String module) {
        return newest(functionsDir.resolve(module).resolve("target"), "sse-" + module + "-", "-lambda.jar");
    }

    /** The file in {@code dir} named {@code prefix...suffix}, the last by name if several versions are there. */
    static Optional<Path> newest(Path dir, String prefix, String suffix) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .reduce((first, second) -> second);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean holds(Path jar, String className) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(className.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** Made once per JVM; its content is fixed, so its asset hash is too. */
    final class Placeholder {
        static final Path DIR = create();

        private Placeholder() {}

        private static Path create() {
            try {
                Path dir = Files.createTempDirectory("sse-placeholder-asset");
                Files.writeString(
                        dir.resolve("PLACEHOLDER.txt"),
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
