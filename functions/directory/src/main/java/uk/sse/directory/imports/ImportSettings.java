package uk.sse.directory.imports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Where import files are kept and how jobs run.
 *
 * @param bucket       the S3 bucket of import files (in AWS); without one, files are kept in {@code localBucket}
 * @param localBucket  the directory that stands for the bucket on this machine (the local run, the tests);
 *                     a fresh temporary directory if not given
 * @param lease        how long a run holds a job without a checkpoint before another may take it over
 * @param uploadValid  how long an upload URL may be used
 * @param dailyUrl     the day's GIAS file, {@code {date}} standing for yyyyMMdd
 * @param maxFileBytes the largest file the daily fetch takes (GIAS's is about 60 MB)
 */
@ConfigurationProperties("sse.imports")
public record ImportSettings(
        @Nullable String bucket,
        @Nullable String localBucket,
        @Nullable Duration lease,
        @Nullable Duration uploadValid,
        @Nullable String dailyUrl,
        @Nullable Long maxFileBytes) {

    public ImportSettings {
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        uploadValid = uploadValid == null ? Duration.ofHours(1) : uploadValid;
        maxFileBytes = maxFileBytes == null ? 512L * 1024 * 1024 : maxFileBytes;
    }
}
