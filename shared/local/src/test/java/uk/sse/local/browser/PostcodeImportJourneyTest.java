package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The registrar loads the postcode directory as OS publishes it, a zip of area files: from the admin navigation they
 * start a postcode import, choose the file, and the browser sends it straight to the import's upload; the import's
 * page follows it to its report of postcodes unchanged and the row rejected, with its line and why. Then an adviser's
 * search near a postcode carries the data's attribution.
 */
class PostcodeImportJourneyTest extends Journey {

    @Test
    void theRegistrarLoadsOsZipOfPostcodesAndSeesItsReport() throws IOException {
        List<String> sample;
        try (var in = getClass().getResourceAsStream("/demo/codepoint-open-sample.csv")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .limit(3)
                    .toList();
        }
        Path zip = Files.createTempFile("codepo_gb-", ".zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("Data/CSV/al.csv"));
            // OS's area files have no header: two postcodes the sample has, and a row that is not a postcode
            out.write(String.join("\r\n", sample.get(1), sample.get(2), "AL1 ??,10,514455,205695,E92000001,,,,,", "")
                    .getBytes(StandardCharsets.UTF_8));
        }

        signIn("registrar");
        follow("Postcode imports");
        assertThat(heading()).isEqualTo("Load the postcode directory");
        check("postcode-imports");
        press("Start a postcode import");
        assertThat(heading()).isEqualTo("The postcode directory");
        assertThat(byId("status").getText()).isEqualTo("Waiting for the file");
        check("postcode-upload");

        byId("file").sendKeys(zip.toAbsolutePath().toString());
        press("Upload the file");
        waitForImportDone();
        assertThat(byId("counts").getText().replaceAll("\\s+", " "))
                .contains("Rows read 3", "Postcodes added 0", "Postcodes unchanged 2", "Rows rejected 1");
        assertThat(byId("rejected").getText()).contains("AL1 ??", "not a postcode (Data/CSV/al.csv, line 3)");
        check("postcode-report");
        follow("Postcode imports");
        assertThat(byId("imports").getText()).contains("The postcode directory", "Done");
        Files.deleteIfExists(zip);
    }
}
