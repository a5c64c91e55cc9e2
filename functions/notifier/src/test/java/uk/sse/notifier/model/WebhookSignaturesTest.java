package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.net.http.HttpHeaders;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notifier's signatures are Standard Webhooks': the specification's example, and its reference library, agree. */
class WebhookSignaturesTest {

    static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theSpecificationsExampleSignsAsPublished() {
        // https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md (and the
        // libraries' tests)
        SigningSecret secret =
                SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").orElseThrow();
        assertThat(WebhookSignatures.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theReferenceLibraryVerifiesWhatIsSignedAndRefusesAWrongSecretOrAStaleTimestamp() throws Exception {
        SigningSecret secret = SigningSecret.generate(RANDOM);
        String body = "{\"type\":\"brokerage.request.created\",\"data\":{\"need\":\"ünïcödé & <b>\"}}";
        long now = Instant.now().getEpochSecond();
        new Webhook(secret.text())
                .verify(body, headers("msg_1", now, WebhookSignatures.sign(secret, "msg_1", now, body)));

        SigningSecret other = SigningSecret.generate(RANDOM);
        assertThatThrownBy(() -> new Webhook(other.text())
                        .verify(body, headers("msg_1", now, WebhookSignatures.sign(secret, "msg_1", now, body))))
                .isInstanceOf(WebhookVerificationException.class);
        long stale = now - WebhookSignatures.TOLERANCE.toSeconds() - 60;
        assertThatThrownBy(() -> new Webhook(secret.text())
                        .verify(body, headers("msg_1", stale, WebhookSignatures.sign(secret, "msg_1", stale, body))))
                .isInstanceOf(WebhookVerificationException.class);
        // a body changed in transit, or a signature moved to another message id, fails too
        assertThatThrownBy(() -> new Webhook(secret.text())
                        .verify(body + " ", headers("msg_1", now, WebhookSignatures.sign(secret, "msg_1", now, body))))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(secret.text())
                        .verify(body, headers("msg_2", now, WebhookSignatures.sign(secret, "msg_1", now, body))))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationEitherSecretVerifiesTheSameMessage() throws Exception {
        SigningSecret old = SigningSecret.generate(RANDOM);
        SigningSecret fresh = SigningSecret.generate(RANDOM);
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignatures.header(List.of(fresh, old), "msg_r", now, "{}");
        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        new Webhook(old.text()).verify("{}", headers("msg_r", now, header));
        new Webhook(fresh.text()).verify("{}", headers("msg_r", now, header));
        assertThat(WebhookSignatures.verify(old, "msg_r", Long.toString(now), header, "{}", Instant.now()))
                .isEqualTo(WebhookSignatures.Verification.VALID);
        assertThat(WebhookSignatures.verify(
                        SigningSecret.generate(RANDOM), "msg_r", Long.toString(now), header, "{}", Instant.now()))
                .isEqualTo(WebhookSignatures.Verification.BAD_SIGNATURE);
    }

    @Test
    void theNotifiersOwnVerifierAgreesWithTheLibraryOnTimeAndShape() {
        SigningSecret secret = SigningSecret.generate(RANDOM);
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        String signature = WebhookSignatures.sign(secret, "m", at.getEpochSecond(), "b");
        String ts = Long.toString(at.getEpochSecond());
        assertThat(WebhookSignatures.verify(secret, "m", ts, signature, "b", at.plusSeconds(299)))
                .isEqualTo(WebhookSignatures.Verification.VALID);
        assertThat(WebhookSignatures.verify(secret, "m", ts, signature, "b", at.plusSeconds(301)))
                .isEqualTo(WebhookSignatures.Verification.STALE_TIMESTAMP);
        assertThat(WebhookSignatures.verify(secret, "m", ts, signature, "b", at.minusSeconds(301)))
                .isEqualTo(WebhookSignatures.Verification.STALE_TIMESTAMP);
        assertThat(WebhookSignatures.verify(secret, "m", "soon", signature, "b", at))
                .isEqualTo(WebhookSignatures.Verification.MALFORMED);
        assertThat(WebhookSignatures.verify(secret, "m", ts, signature.replace("v1,", "v2,"), "b", at))
                .isEqualTo(WebhookSignatures.Verification.BAD_SIGNATURE);
    }

    @Test
    void aSecretIsWhsecAndTheBase64OfTwentyFourToSixtyFourBytes() {
        SigningSecret made = SigningSecret.generate(RANDOM);
        assertThat(made.text()).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(made.text().substring(6)))
                .hasSize(32);
        assertThat(SigningSecret.parse(made.text())).contains(made);
        assertThat(SigningSecret.parse("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[23])))
                .isEmpty();
        assertThat(SigningSecret.parse("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[65])))
                .isEmpty();
        assertThat(SigningSecret.parse("whsec_not base64!")).isEmpty();
        assertThat(SigningSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEmpty();
        assertThat(made.toString()).doesNotContain(made.text().substring(6));
    }

    static HttpHeaders headers(String id, long timestamp, String signature) {
        return HttpHeaders.of(
                Map.of(
                        "webhook-id",
                        List.of(id),
                        "webhook-timestamp",
                        List.of(Long.toString(timestamp)),
                        "webhook-signature",
                        List.of(signature)),
                (a, b) -> true);
    }
}
