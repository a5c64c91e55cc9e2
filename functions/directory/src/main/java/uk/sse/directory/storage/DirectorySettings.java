package uk.sse.directory.storage;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The directory's own DynamoDB table. */
@ConfigurationProperties("sse.directory")
public record DirectorySettings(String tableName) {

    public DirectorySettings {
        if (tableName == null || tableName.isBlank()) {
            tableName = "sse-directory";
        }
    }
}
