package uk.sse.indexer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The directory table a rebuild scans, and how long a rebuild keeps the old index after moving the alias
 * (searches already running on it finish before it goes).
 */
@ConfigurationProperties("sse.indexer")
public record IndexerSettings(
        @Nullable String directoryTable, @Nullable Duration oldIndexGrace) {

    public IndexerSettings {
        if (directoryTable == null || directoryTable.isBlank()) {
            directoryTable = "sse-directory";
        }
        if (oldIndexGrace == null) {
            oldIndexGrace = Duration.ofSeconds(5);
        }
    }
}
