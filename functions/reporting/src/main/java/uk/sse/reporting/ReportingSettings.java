package uk.sse.reporting;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.ZoneId;

/**
 * The read model's schema (a rebuild works in {@code <schema>_next} and swaps it in), the time zone whose calendar
 * dates and months the reports count in (England's), and the longest range one report may cover.
 */
@ConfigurationProperties("sse.reporting")
public record ReportingSettings(
        @Nullable String schema,
        @Nullable String zone,
        @Nullable Integer maxRangeYears) {

    public ReportingSettings {
        schema = schema == null || schema.isBlank() ? "reporting" : schema;
        zone = zone == null || zone.isBlank() ? "Europe/London" : zone;
        maxRangeYears = maxRangeYears == null ? 5 : maxRangeYears;
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
