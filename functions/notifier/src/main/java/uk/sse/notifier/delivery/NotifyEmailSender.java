package uk.sse.notifier.delivery;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.secrets.CachedSecret;
import uk.sse.notifier.EmailSettings;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.application.EmailMessage;
import uk.sse.notifier.application.EmailSender;
import uk.sse.notifier.model.SendResult;

/**
 * Sends through GOV.UK Notify's own Java client, which signs each request with a JWT made from the API key (issuer the
 * service id, HS256 with the key's secret). Its answers become {@link SendResult}s: Notify's status with the start of
 * its message, or no answer when the request did not get through. In AWS the key is a Secrets Manager secret read at
 * run time ({@link CachedSecret}): read again when Notify refuses it (403: it was rotated) and after a SnapStart restore.
 */
@Singleton
public class NotifyEmailSender implements EmailSender {

    private static final int EXCERPT = 1024;
    private static final Duration MAX_AGE = Duration.ofMinutes(15);

    private final EmailSettings settings;
    private final CachedSecret storedKey;
    private volatile Keyed client;

    private record Keyed(String key, NotificationClient client) {}

    @Inject
    public NotifyEmailSender(EmailSettings settings, NotifierSettings notifier, AwsSettings aws, Clock clock) {
        this(
                settings,
                settings.keyIsStored()
                        ? CachedSecret.of(
                                CachedSecret.client(aws.regionOrDefault(), notifier.secretsEndpoint()),
                                settings.apiKeyArn(),
                                MAX_AGE,
                                clock)
                        : null);
    }

    /** With the key configured ({@code storedKey} null) or read from {@code storedKey}. */
    NotifyEmailSender(EmailSettings settings, CachedSecret storedKey) {
        this.settings = settings;
        this.storedKey = storedKey;
    }

    @Override
    public SendResult send(EmailMessage m) {
        long start = System.nanoTime();
        try {
            String key = key();
            try {
                return sent(client(key), m, start);
            } catch (NotificationClientException refused) {
                if (storedKey == null || (refused.getHttpResult() != 401 && refused.getHttpResult() != 403)) {
                    throw refused;
                }
                String fresh = storedKey.reread(key);
                if (fresh.equals(key)) {
                    throw refused;
                }
                return sent(client(fresh), m, start); // rotated since it was read: once more with the new key
            }
        } catch (NotificationClientException refused) {
            String message = refused.getMessage() == null ? "" : refused.getMessage();
            String excerpt = message.length() > EXCERPT ? message.substring(0, EXCERPT) : message;
            return refused.getHttpResult() > 0
                    ? new SendResult.Answered(refused.getHttpResult(), null, excerpt, millisSince(start))
                    : new SendResult.NoAnswer(SendResult.Failure.CONNECTION, excerpt, millisSince(start));
        } catch (RuntimeException broken) {
            return new SendResult.NoAnswer(SendResult.Failure.PROTOCOL, broken.toString(), millisSince(start));
        }
    }

    /** Read the secret again when next wanted: after a SnapStart restore ({@code SecretsAfterRestore}). */
    public void refresh() {
        if (storedKey != null) {
            storedKey.forget(); // the snapshot may be older than the last rotation
        }
    }

    private static SendResult sent(NotificationClient client, EmailMessage m, long start)
            throws NotificationClientException {
        client.sendEmail(m.templateId(), m.to(), m.personalisation(), m.reference());
        return new SendResult.Answered(201, null, null, millisSince(start));
    }

    private String key() {
        return storedKey == null ? settings.apiKey() : storedKey.value();
    }

    private NotificationClient client(String key) {
        Keyed c = client;
        if (c == null || !c.key().equals(key)) {
            c = new Keyed(key, new NotificationClient(key, settings.baseUrl()));
            client = c;
        }
        return c.client();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
