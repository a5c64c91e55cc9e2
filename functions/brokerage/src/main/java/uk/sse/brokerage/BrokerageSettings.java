package uk.sse.brokerage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.time.Duration;
import uk.sse.kernel.retry.Backoff;

/**
 * The brokerage's table; where the directory and the ledger answer (in AWS both are the API's own base URL) and how
 * long a call to them may take; how often a write contended or faulted in the store is tried before answering 503;
 * how long an engagement's hold lasts unless reconciliation extends it ({@code holdTimeout}, 30 days: extended while
 * less than half is left), and how long a hold whose agreement was never written is left for the caller's retry before
 * reconciliation releases it ({@code orphanGrace}, 15 minutes).
 */
@ConfigurationProperties("sse.brokerage")
public record BrokerageSettings(
        @Nullable String tableName,
        @Nullable URI directoryUrl,
        @Nullable URI ledgerUrl,
        @Nullable Duration callTimeout,
        @Nullable Integer retryAttempts,
        @Nullable Integer suggestionRadiusKm,
        @Nullable Duration holdTimeout,
        @Nullable Duration orphanGrace) {

    public BrokerageSettings {
        tableName = tableName == null || tableName.isBlank() ? "sse-brokerage" : tableName;
        directoryUrl = directoryUrl == null ? URI.create("http://127.0.0.1:8080") : directoryUrl;
        ledgerUrl = ledgerUrl == null ? URI.create("http://127.0.0.1:8080") : ledgerUrl;
        callTimeout = callTimeout == null ? Duration.ofSeconds(5) : callTimeout;
        retryAttempts = retryAttempts == null ? 6 : retryAttempts;
        // a county's width: support is often a drive away, and a rural school has few offers within the search's 25 km
        suggestionRadiusKm = suggestionRadiusKm == null ? 60 : suggestionRadiusKm;
        holdTimeout = holdTimeout == null ? Duration.ofDays(30) : holdTimeout;
        orphanGrace = orphanGrace == null ? Duration.ofMinutes(15) : orphanGrace;
    }

    public Backoff backoff() {
        return new Backoff(retryAttempts, Duration.ofMillis(10), Duration.ofMillis(250));
    }
}
