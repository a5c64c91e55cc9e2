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
import uk.sse.directory.application.PostcodeStore;

/**
 * The registrar loads the postcode directory as OS publishes it, a zip of area files: from the admin navigation they
 * start a postcode import, choose the file, and the browser sends it straight to the import's upload; the import's
 * page follows it to its report of postcodes unchanged and the row rejected, with its line and why. Then an adviser's
 * search carries the attribution of the release the zip's licence names (decision 0097).
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
            // the release's licence, as OS's zip carries it in Doc/: a year the demo's data is not
            out.putNextEntry(new ZipEntry("Doc/licence.txt"));
            out.write(String.join(
                            "\r\n",
                            "Contains OS data © Crown copyright and database right 2031",
                            "Contains Royal Mail data © Royal Mail copyright and database right 2031",
                            "Contains National Statistics data © Crown copyright and database right 2031")
                    .getBytes(StandardCharsets.UTF_8));
        }
        PostcodeStore postcodes = stack.context().getBean(PostcodeStore.class);
        var demoRelease = postcodes.release().orElseThrow();

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
                .contains(
                        "Rows read 3",
                        "Postcodes added 0",
                        "Postcodes unchanged 2",
                        "Postcodes removed 0",
                        "Rows rejected 1");
        assertThat(byId("rejected").getText()).contains("AL1 ??", "not a postcode (Data/CSV/al.csv, line 3)");
        check("postcode-report");
        follow("Postcode imports");
        assertThat(byId("imports").getText()).contains("The postcode directory", "Done");
        Files.deleteIfExists(zip);

        try {
            signIn("adviser");
            open(SupportSearchJourneyTest.SUPPORT);
            assertThat(byId("postcode-attribution").getText())
                    .as("the support search credits the release just loaded")
                    .contains(
                            "Contains OS data © Crown copyright and database right 2031",
                            "Contains National Statistics data © Crown copyright and database right 2031")
                    .doesNotContain("2022");
        } finally {
            postcodes.recordRelease(demoRelease); // the other journeys see the demo's release
        }
    }
}
