package uk.sse.ledger;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import uk.sse.kernel.retry.Backoff;

/**
 * The ledger's table, and how hard it retries a contended or faulted write before answering 503: attempts,
 * the first pause's ceiling and the largest pause.
 */
@ConfigurationProperties("sse.ledger")
public record LedgerSettings(
        @Nullable String tableName,
        @Nullable Integer retryAttempts,
        @Nullable Duration retryBase,
        @Nullable Duration retryCap) {

    public LedgerSettings {
        tableName = tableName == null || tableName.isBlank() ? "sse-ledger" : tableName;
        retryAttempts = retryAttempts == null ? 12 : retryAttempts;
        retryBase = retryBase == null ? Duration.ofMillis(5) : retryBase;
        retryCap = retryCap == null ? Duration.ofMillis(400) : retryCap;
    }

    public Backoff backoff() {
        return new Backoff(retryAttempts, retryBase, retryCap);
    }
}
