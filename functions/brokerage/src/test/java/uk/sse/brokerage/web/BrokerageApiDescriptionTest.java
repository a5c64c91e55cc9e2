package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api/brokerage.yml is the API as built: when a controller changes, the published description must too. */
class BrokerageApiDescriptionTest {

    @Test
    void thePublishedDescriptionIsTheGeneratedOne() throws IOException {
        String generated;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/brokerage.yml")) {
            assertThat(in)
                    .as("micronaut-openapi generates the description at compile time")
                    .isNotNull();
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(Path.of("../../docs/api/brokerage.yml")))
                .as("copy target/classes/META-INF/swagger/brokerage.yml to docs/api/brokerage.yml")
                .isEqualTo(generated);
        assertThat(generated)
                .contains(
                        "  /requests:\n",
                        "  /requests/{id}:\n",
                        "  /requests/{id}/proposals:\n",
                        "  /requests/{id}/proposals/{proposalId}/accept:\n",
                        "  /requests/{id}/proposals/{proposalId}/decline:\n",
                        "  /requests/{id}/proposals/{proposalId}/agree:\n",
                        "  /requests/{id}/start:\n",
                        "  /requests/{id}/complete:\n",
                        "  /requests/{id}/evaluations:\n",
                        "  /requests/{id}/cancel:\n",
                        "  /requests/{id}/withdraw:\n")
                .contains("name: Idempotency-Key", "bearerFormat: JWT", "$ref: \"#/components/schemas/RaiseBody\"")
                .doesNotContain("name: caller", "name: Authorization", "Caller");
    }
}
