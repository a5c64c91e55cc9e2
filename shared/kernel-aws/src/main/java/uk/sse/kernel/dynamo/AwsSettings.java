package uk.sse.kernel.dynamo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where the AWS clients point. In Lambda only the region is set and credentials come from the runtime's
 * environment; locally and in tests {@code endpoint} points at an embedded engine.
 */
@ConfigurationProperties("sse.aws")
public record AwsSettings(
        @Nullable String region,
        @Nullable String endpoint,
        @Nullable Boolean createTables) {

    public String regionOrDefault() {
        return region == null || region.isBlank() ? "eu-west-2" : region;
    }

    public boolean local() {
        return endpoint != null && !endpoint.isBlank();
    }

    /** Tables are created by the CDK app in AWS; only the local run and the tests create their own. */
    public boolean shouldCreateTables() {
        return Boolean.TRUE.equals(createTables);
    }
}
