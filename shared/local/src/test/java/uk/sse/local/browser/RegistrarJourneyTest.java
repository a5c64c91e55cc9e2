package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registrar imports part of the school register: after being told to say what the file holds, they start an
 * import, choose the file, and the browser sends it straight to the import's upload; the import's page follows it to
 * its report: what was unchanged and the row rejected, with its line and why.
 */
class RegistrarJourneyTest extends Journey {

    @Test
    void theRegistrarImportsARegisterFileAndSeesItsReport() throws IOException {
        List<String> sample;
        try (var in = getClass().getResourceAsStream(uk.sse.local.demo.DemoDirectory.SAMPLE)) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .limit(3)
                    .toList();
        }
        String bad = sample.get(1).replaceFirst("^\"[0-9]+\"", "\"12AB\"");
        Path file = Files.createTempFile("register-", ".csv");
        Files.write(file, List.of(sample.get(0), sample.get(1), sample.get(2), bad), StandardCharsets.UTF_8);

        signIn("registrar");
        check("home");
        follow("Register imports");
        assertThat(heading()).isEqualTo("Import the school register");
        check("imports");
        press("Start an import");
        assertThat(errors()).containsOnlyKeys("scope");
        choose("scope", "PART");
        press("Start an import");
        assertThat(heading()).isEqualTo("Some schools");
        assertThat(byId("status").getText()).isEqualTo("Waiting for the file");
        check("upload");

        byId("file").sendKeys(file.toAbsolutePath().toString());
        press("Upload the file");
        waitForImportDone();
        String counts = byId("counts").getText();
        assertThat(counts.replaceAll("\\s+", " "))
                .contains("Rows read 3", "Schools created 0", "Schools unchanged 2", "Rows rejected 1");
        assertThat(byId("rejected").getText()).contains("4", "12AB");
        check("report");
        Files.deleteIfExists(file);
    }
}
