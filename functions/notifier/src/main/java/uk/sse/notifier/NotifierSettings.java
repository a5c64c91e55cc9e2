package uk.sse.notifier;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import uk.sse.notifier.model.LocalReceivers;
import uk.sse.notifier.model.RetrySchedule;

/**
 * The notifier's settings ({@code sse.notifier.*}), with their defaults:
 * <ul>
 *   <li>{@code table-name} ({@code sse-notifier}); {@code link-base-url}, where the Slack messages' buttons point
 *       ({@code https://schoolsupport.exchange});</li>
 *   <li>{@code local-receivers}: the only plain-HTTP loopback origins that may be sent to, {@code http://127.0.0.1:<port>}
 *       or {@code http://127.0.0.1:*} (none; the tests and {@code ./run} set it);</li>
 *   <li>{@code secret-key} (32 or more random characters; the AES key is its SHA-256) and {@code secret-key-id} ({@code k1}) seal the signing
 *       secrets in the table; {@code previous-secret-keys} (id to key) still open what older keys sealed. In AWS the key is
 *       not configured: {@code secret-key-arn} names the Secrets Manager secret that holds it, read at run time
 *       ({@code SealingKeys}); {@code secrets-endpoint} points that client elsewhere (the tests);</li>
 *   <li>{@code secret-grace}: how long a rotated-out secret keeps signing (24 h);</li>
 *   <li>{@code disable-after}: how long an endpoint may fail every attempt before it is disabled (5 days);</li>
 *   <li>{@code retry-pauses} and {@code retry-jitter}: the schedule ({@link RetrySchedule#STANDARD});</li>
 *   <li>{@code connect-timeout} and {@code request-timeout} (10 s each); {@code response-read-bytes} (4096), of which
 *       {@code response-excerpt-bytes} (1024) are kept;</li>
 *   <li>{@code max-in-flight}: POSTs at once per function instance (32); {@code slack-interval}: the least time between
 *       two messages to one Slack URL (1 s), and {@code rate-wait}, how long a send may wait for its turn before it is
 *       left to the sweeper (1.5 s);</li>
 *   <li>{@code lease}: how long a claimed delivery is its sender's before the sweeper may take it again (60 s);</li>
 *   <li>{@code keep-deliveries}: how long deliveries and attempts are kept, by the table's TTL (30 days);</li>
 *   <li>{@code max-subscriptions-per-area} (50);</li>
 *   <li>{@code keep-notices}: how long in-app notices, read marks and people's choices are kept (90 days).</li>
 * </ul>
 */
@ConfigurationProperties("sse.notifier")
public record NotifierSettings(
        @Nullable String tableName,
        @Nullable String linkBaseUrl,
        @Nullable List<String> localReceivers,
        @Nullable String secretKey,
        @Nullable String secretKeyId,
        @Nullable Map<String, String> previousSecretKeys,
        @Nullable Duration secretGrace,
        @Nullable Duration disableAfter,
        @Nullable List<Duration> retryPauses,
        @Nullable Double retryJitter,
        @Nullable Duration connectTimeout,
        @Nullable Duration requestTimeout,
        @Nullable Integer responseReadBytes,
        @Nullable Integer responseExcerptBytes,
        @Nullable Integer maxInFlight,
        @Nullable Duration slackInterval,
        @Nullable Duration rateWait,
        @Nullable Duration lease,
        @Nullable Duration keepDeliveries,
        @Nullable Integer maxSubscriptionsPerArea,
        @Nullable String secretKeyArn,
        @Nullable String secretsEndpoint,
        @Nullable Duration keepNotices) {

    public NotifierSettings {
        tableName = tableName == null || tableName.isBlank() ? "sse-notifier" : tableName;
        linkBaseUrl = linkBaseUrl == null || linkBaseUrl.isBlank()
                ? "https://schoolsupport.exchange"
                : stripSlash(linkBaseUrl);
        localReceivers = localReceivers == null ? List.of() : List.copyOf(localReceivers);
        secretKeyId = secretKeyId == null || secretKeyId.isBlank() ? "k1" : secretKeyId;
        previousSecretKeys = previousSecretKeys == null ? Map.of() : Map.copyOf(previousSecretKeys);
        secretGrace = secretGrace == null ? Duration.ofHours(24) : secretGrace;
        disableAfter = disableAfter == null ? Duration.ofDays(5) : disableAfter;
        retryPauses = retryPauses == null || retryPauses.isEmpty()
                ? RetrySchedule.STANDARD.pauses()
                : List.copyOf(retryPauses);
        retryJitter = retryJitter == null ? RetrySchedule.STANDARD.jitter() : retryJitter;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        responseReadBytes = responseReadBytes == null ? 4096 : responseReadBytes;
        responseExcerptBytes = responseExcerptBytes == null ? 1024 : Math.min(responseExcerptBytes, responseReadBytes);
        maxInFlight = maxInFlight == null ? 32 : maxInFlight;
        slackInterval = slackInterval == null ? Duration.ofSeconds(1) : slackInterval;
        rateWait = rateWait == null ? Duration.ofMillis(1500) : rateWait;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        keepDeliveries = keepDeliveries == null ? Duration.ofDays(30) : keepDeliveries;
        maxSubscriptionsPerArea = maxSubscriptionsPerArea == null ? 50 : maxSubscriptionsPerArea;
        keepNotices = keepNotices == null ? Duration.ofDays(90) : keepNotices;
    }

    public RetrySchedule schedule() {
        return new RetrySchedule(retryPauses, retryJitter);
    }

    public LocalReceivers receivers() {
        return new LocalReceivers(localReceivers);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
