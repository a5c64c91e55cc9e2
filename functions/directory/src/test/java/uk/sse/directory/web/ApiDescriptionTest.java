package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api/directory.yml is the API as built: when a controller changes, the published description must too. */
class ApiDescriptionTest {

    @Test
    void thePublishedDescriptionIsTheGeneratedOne() throws IOException {
        String generated;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/directory.yml")) {
            assertThat(in)
                    .as("micronaut-openapi generates the description at compile time")
                    .isNotNull();
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path published = Path.of("../../docs/api/directory.yml");
        assertThat(Files.readString(published))
                .as("copy target/classes/META-INF/swagger/directory.yml to docs/api/directory.yml")
                .isEqualTo(generated);
        assertThat(generated)
                .contains("/offers/{id}/assurance", "/schools/import", "/taxonomy", "bearerFormat: JWT")
                .doesNotContain("name: caller");
    }
}
