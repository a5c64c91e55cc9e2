package uk.sse.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.secrets.CachedSecret;
import uk.sse.notifier.EmailSettings;
import uk.sse.notifier.application.EmailMessage;
import uk.sse.notifier.model.SendResult;
import uk.sse.testing.LocalSecretsManager;
import uk.sse.testing.NotifyStandIn;

/**
 * GOV.UK Notify's key rotated under a running sender: the secret (in a local Secrets Manager, through the real AWS SDK
 * client) gets the new key and Notify (a stand-in checking the JWT the real Notify client signs) refuses the old one;
 * the sender reads the secret again on that refusal and the email goes, with one extra read; after a SnapStart restore
 * it reads once more.
 */
class NotifyKeyRotationTest {

    static final String SECRET = "arn:aws:secretsmanager:eu-west-2:000000000000:secret:NotifyApiKey";

    final NotifyStandIn notify = NotifyStandIn.start(JsonMapper.createDefault());
    final LocalSecretsManager secrets = LocalSecretsManager.start();
    final NotifyEmailSender sender = new NotifyEmailSender(
            new EmailSettings(null, SECRET, notify.baseUrl(), Map.of()),
            CachedSecret.of(
                    CachedSecret.client("eu-west-2", secrets.endpoint()),
                    SECRET,
                    Duration.ofMinutes(15),
                    Clock.systemUTC()));

    @AfterEach
    void stop() {
        notify.close();
        secrets.close();
    }

    @Test
    void aRotatedKeyIsReadAgainWhenNotifyRefusesTheOldOne() throws Exception {
        secrets.put(SECRET, notify.wrongKey()); // the key as it was: Notify has since revoked it
        assertThat(status(sender.send(email("first")))).isEqualTo(403);
        assertThat(secrets.reads(SECRET))
                .as("read, refused, read again: still the revoked key")
                .isEqualTo(2);

        secrets.put(SECRET, notify.apiKey()); // the operator puts the new key in
        assertThat(status(sender.send(email("second")))).isEqualTo(201);
        assertThat(secrets.reads(SECRET))
                .as("one more read, on Notify's refusal")
                .isEqualTo(3);
        assertThat(status(sender.send(email("third")))).isEqualTo(201);
        assertThat(secrets.reads(SECRET)).as("kept while it works").isEqualTo(3);
        assertThat(notify.emails()).extracting(NotifyStandIn.Email::reference).containsExactly("second", "third");

        sender.refresh(); // a SnapStart restore: the snapshot may be older than the last rotation
        assertThat(status(sender.send(email("fourth")))).isEqualTo(201);
        assertThat(secrets.reads(SECRET)).isEqualTo(4);
    }

    @Test
    void aConfiguredKeyNeedsNoSecret() {
        NotifyEmailSender configured =
                new NotifyEmailSender(new EmailSettings(notify.apiKey(), null, notify.baseUrl(), Map.of()), null);
        assertThat(status(configured.send(email("local")))).isEqualTo(201);
        assertThat(secrets.asked()).isEmpty();
    }

    static EmailMessage email(String reference) {
        return new EmailMessage(
                "head@oakfield.example.sch.uk",
                "5c7c3b5e-5f1e-4a3a-9d4e-0b1b6f0d2a11",
                Map.of("title", "t", "link", "l"),
                reference);
    }

    /** Notify's status, or -1 when no answer came: latency and excerpt vary. */
    static int status(SendResult result) {
        return result instanceof SendResult.Answered a ? a.status() : -1;
    }
}
