package uk.sse.directory.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** The directory's own DynamoDB table. */
@ConfigurationProperties("sse.directory")
public record DirectorySettings(@Nullable String tableName) {

    public DirectorySettings {
        if (tableName == null || tableName.isBlank()) {
            tableName = "sse-directory";
        }
    }
}
