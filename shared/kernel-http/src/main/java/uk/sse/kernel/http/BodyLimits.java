package uk.sse.kernel.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Request body ceilings. API Gateway and the Lambda path do not enforce Micronaut's server limit, so the
 * function checks the size itself; bulk paths (the register import) may be larger, up to Lambda's 6 MB.
 */
@ConfigurationProperties("sse.http")
public record BodyLimits(
        @Nullable Long maxBodyBytes,
        @Nullable Long maxBulkBodyBytes,
        @Nullable List<String> bulkPaths) {

    public long limitFor(String path) {
        boolean bulk = bulkPaths != null && bulkPaths.stream().anyMatch(path::startsWith);
        return bulk ? valueOr(maxBulkBodyBytes, 6L * 1024 * 1024) : valueOr(maxBodyBytes, 256L * 1024);
    }

    private static long valueOr(Long value, long fallback) {
        return value == null ? fallback : value;
    }
}
