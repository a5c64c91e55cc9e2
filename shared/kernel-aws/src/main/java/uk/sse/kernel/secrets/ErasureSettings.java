package uk.sse.kernel.secrets;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where the erasure key comes from (decision 0117). In AWS {@code key-arn} (SSE_ERASURE_KEY_ARN) names the Secrets
 * Manager secret {@code sse-<stage>/erasure-key} that every function that erases reads at run time; {@code
 * secrets-endpoint} points that client elsewhere (the tests, the local run). {@code key} gives the key itself, for
 * tests that do not go through Secrets Manager.
 */
@ConfigurationProperties("sse.erasure")
public record ErasureSettings(
        @Nullable String keyArn,
        @Nullable String secretsEndpoint,
        @Nullable String key) {

    public boolean fromSecret() {
        return keyArn != null && !keyArn.isBlank();
    }
}
