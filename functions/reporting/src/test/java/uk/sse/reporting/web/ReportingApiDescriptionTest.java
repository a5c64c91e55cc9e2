package uk.sse.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api/reporting.yml is the API as built: when the controller changes, the published description must too. */
class ReportingApiDescriptionTest {

    @Test
    void thePublishedDescriptionIsTheGeneratedOne() throws IOException {
        String generated;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/reporting.yml")) {
            assertThat(in)
                    .as("micronaut-openapi generates the description at compile time")
                    .isNotNull();
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path published = Path.of("../../docs/api/reporting.yml");
        assertThat(Files.readString(published))
                .as("copy target/classes/META-INF/swagger/reporting.yml to docs/api/reporting.yml")
                .isEqualTo(generated);
        assertThat(generated)
                .contains(
                        "  /reports/days:\n",
                        "  /reports/schools:\n",
                        "  /reports/providers:\n",
                        "  /reports/credits:\n",
                        "  /reports/balances:\n",
                        "  /reports/service-levels:\n",
                        "  /reports/waiting:\n",
                        "  /reports/impact:\n")
                .contains(
                        "text/csv:", "- reports", "bearerFormat: JWT", "$ref: \"#/components/schemas/Report_DaysRow_\"")
                .doesNotContain("name: caller", "name: request", "Caller", "HttpRequest", "cells", "columns");
    }
}
