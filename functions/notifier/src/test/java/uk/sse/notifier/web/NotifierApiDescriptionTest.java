package uk.sse.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api/notifier.yml is the API as built: when a controller changes, the published description must too. */
class NotifierApiDescriptionTest {

    @Test
    void thePublishedDescriptionIsTheGeneratedOne() throws IOException {
        String generated;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/notifier.yml")) {
            assertThat(in)
                    .as("micronaut-openapi generates the description at compile time")
                    .isNotNull();
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path published = Path.of("../../docs/api/notifier.yml");
        assertThat(Files.readString(published))
                .as("copy target/classes/META-INF/swagger/notifier.yml to docs/api/notifier.yml")
                .isEqualTo(generated);
        assertThat(generated)
                .contains(
                        "  /subscriptions:\n",
                        "  /subscriptions/{id}:\n",
                        "  /subscriptions/{id}/pause:\n",
                        "  /subscriptions/{id}/resume:\n",
                        "  /subscriptions/{id}/rotate-secret:\n",
                        "  /subscriptions/{id}/test:\n",
                        "  /subscriptions/{id}/deliveries:\n",
                        "  /subscriptions/{id}/deliveries/{deliveryId}:\n",
                        "  /subscriptions/{id}/deliveries/{deliveryId}/replay:\n")
                .contains(
                        "- subscriptions",
                        "- deliveries",
                        "bearerFormat: JWT",
                        "$ref: \"#/components/schemas/SubscriptionBody\"",
                        "$ref: \"#/components/schemas/FiltersBody\"",
                        "- slack",
                        "- json")
                .doesNotContain("name: caller", "Caller", "HttpRequest");
    }
}
