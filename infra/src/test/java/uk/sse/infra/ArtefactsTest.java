package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jars: the module's shaded jar, only if it holds the handler; otherwise no synth, or a placeholder on request. */
class ArtefactsTest {

    static final String SWEEPER = "uk.sse.ledger.sweep.SweepDueHolds";

    @TempDir
    Path functions;

    @Test
    void the_shaded_jar_is_chosen_not_the_thin_one_and_the_newest_by_name() throws IOException {
        jar("ledger", "sse-ledger-0.1.0-SNAPSHOT.jar", SWEEPER);
        jar("ledger", "sse-ledger-0.1.0-SNAPSHOT-lambda.jar", SWEEPER);
        jar("ledger", "sse-ledger-0.2.0-SNAPSHOT-lambda.jar", SWEEPER);
        assertThat(Artefacts.jarOf(functions, "ledger"))
                .get()
                .satisfies(
                        p -> assertThat(p.getFileName().toString()).isEqualTo("sse-ledger-0.2.0-SNAPSHOT-lambda.jar"));
        assertThat(Artefacts.jarOf(functions, "notifier")).isEmpty();
    }

    @Test
    void a_jar_without_the_handlers_class_stops_the_synth_naming_both() throws IOException {
        jar(
                "directory",
                "sse-directory-0.1.0-SNAPSHOT-lambda.jar",
                "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction");
        Artefacts strict = Artefacts.moduleJars(functions, false, warning -> {});
        assertThat(strict.codeFor(
                        "directory", "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction"))
                .isNotNull();
        assertThatThrownBy(() -> strict.codeFor("directory", "uk.sse.directory.signals.RecordEngagementOutcomes"))
                .hasMessageContaining(
                        "sse-directory-0.1.0-SNAPSHOT-lambda.jar has no uk.sse.directory.signals.RecordEngagementOutcomes")
                .hasMessageContaining("placeholders=true");
        assertThatThrownBy(() -> strict.codeFor("reporting", "uk.sse.reporting.projection.ProjectEvents"))
                .hasMessageContaining("no Lambda jar for 'reporting'");
    }

    @Test
    void with_placeholders_allowed_each_missing_piece_is_reported_and_stood_in_for() throws IOException {
        jar("directory", "sse-directory-0.1.0-SNAPSHOT-lambda.jar", "x.Y");
        List<String> warnings = new ArrayList<>();
        Artefacts lenient = Artefacts.moduleJars(functions, true, warnings::add);
        assertThat(lenient.codeFor("directory", "uk.sse.directory.signals.RecordEngagementOutcomes"))
                .isNotNull();
        assertThat(lenient.codeFor("notifier", "uk.sse.notifier.stream.NotifyOnEvents"))
                .isNotNull();
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).contains("must not be deployed"));
    }

    @Test
    void the_embeddings_layer_is_the_newest_zip_and_a_missing_one_stops_the_synth_or_is_stood_in_for()
            throws IOException {
        Path layers = Files.createDirectories(functions.resolve("embeddings-target"));
        Artefacts strict = Artefacts.moduleJars(functions, layers, false, warning -> {});
        assertThatThrownBy(strict::embeddingsLayer)
                .hasMessageContaining("no embeddings layer under")
                .hasMessageContaining("placeholders=true");
        List<String> warnings = new ArrayList<>();
        assertThat(Artefacts.moduleJars(functions, layers, true, warnings::add).embeddingsLayer())
                .isNotNull();
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w).contains("no embeddings layer").contains("must not be deployed"));

        Files.writeString(layers.resolve("sse-embeddings-0.1.0-SNAPSHOT-layer-lib.jar"), "not the layer");
        Files.writeString(layers.resolve("sse-embeddings-0.1.0-SNAPSHOT-lambda-layer.zip"), "older");
        Files.writeString(layers.resolve("sse-embeddings-0.2.0-SNAPSHOT-lambda-layer.zip"), "newer");
        assertThat(Artefacts.newest(layers, "sse-embeddings-", "-lambda-layer.zip"))
                .get()
                .satisfies(p -> assertThat(p.getFileName().toString())
                        .isEqualTo("sse-embeddings-0.2.0-SNAPSHOT-lambda-layer.zip"));
        assertThat(strict.embeddingsLayer()).isNotNull();
    }

    private void jar(String module, String name, String className) throws IOException {
        Path target = Files.createDirectories(functions.resolve(module).resolve("target"));
        try (OutputStream out = Files.newOutputStream(target.resolve(name));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(className.replace('.', '/') + ".class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            zip.closeEntry();
        }
    }
}
