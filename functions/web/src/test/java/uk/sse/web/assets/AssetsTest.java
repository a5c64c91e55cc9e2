package uk.sse.web.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** One stylesheet and one script made from the WebJars and ours, pointing at this version's fonts and images, gzipped. */
class AssetsTest {

    final Assets assets = new Assets();

    @Test
    void theStylesheetNamesThisVersionsFontsAndImagesAndKeepsNoSourceMaps() {
        String css = new String(assets.find("app.css").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertThat(css)
                .contains("url(" + assets.base() + "/fonts/bold-b542beb274-v2.woff2)")
                .doesNotContain("url(/assets/fonts")
                .doesNotContain("sourceMappingURL");
        assertThat(assets.find("fonts/bold-b542beb274-v2.woff2")).isPresent();
        assertThat(assets.find("images/govuk-crest.svg")).isPresent();
    }

    @Test
    void theScriptHoldsGovukFrontendTheAutocompleteAndOurs() {
        String js = new String(assets.find("app.js").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertThat(js)
                .contains("GOVUKFrontend", "accessibleAutocomplete", "data-school-picker")
                .doesNotContain("sourceMappingURL");
    }

    @Test
    void gzipMakesTheSameBytesSmaller() throws IOException {
        for (String name : new String[] {"app.css", "app.js"}) {
            Assets.Asset asset = assets.find(name).orElseThrow();
            assertThat(asset.gzipped()).isNotNull().hasSizeLessThan(asset.bytes().length / 3);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(asset.gzipped()))) {
                assertThat(in.readAllBytes()).isEqualTo(asset.bytes());
            }
        }
        assertThat(assets.version()).matches("[0-9a-f]{12}");
    }
}
