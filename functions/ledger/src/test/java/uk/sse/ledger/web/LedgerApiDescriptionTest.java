package uk.sse.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api/ledger.yml is the API as built: when a controller changes, the published description must too. */
class LedgerApiDescriptionTest {

    @Test
    void thePublishedDescriptionIsTheGeneratedOne() throws IOException {
        String generated;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/ledger.yml")) {
            assertThat(in)
                    .as("micronaut-openapi generates the description at compile time")
                    .isNotNull();
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path published = Path.of("../../docs/api/ledger.yml");
        assertThat(Files.readString(published))
                .as("copy target/classes/META-INF/swagger/ledger.yml to docs/api/ledger.yml")
                .isEqualTo(generated);
        assertThat(generated)
                .contains(
                        "  /accounts:\n",
                        "  /accounts/{area}/{owner}:\n",
                        "  /accounts/{area}/{owner}/entries:\n",
                        "  /transfers:\n",
                        "  /allocations:\n",
                        "  /transfers/{id}:\n",
                        "  /transfers/{id}/post:\n",
                        "  /transfers/{id}/void:\n",
                        "  /ledger/check:\n")
                .contains(
                        "- accounts",
                        "- transfers",
                        "- check",
                        "bearerFormat: JWT",
                        "$ref: \"#/components/schemas/PostBody\"")
                .doesNotContain("name: caller", "name: request", "Caller", "HttpRequest");
    }
}
