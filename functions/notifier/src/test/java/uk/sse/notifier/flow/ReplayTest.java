package uk.sse.notifier.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Urgency;
import uk.sse.notifier.model.SigningSecret;
import uk.sse.notifier.model.WebhookSignatures;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.notifier.testing.Receiver;
import uk.sse.testing.Api;

/**
 * A delivery whose schedule ran out is failed, and a replay sends it again with the same webhook-id and body (so a
 * receiver that had it can tell), a fresh timestamp and signature, restarting the schedule. The schedule is shortened
 * here to three attempts a second apart.
 */
@MicronautTest
class ReplayTest extends NotifierLambdaTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Override
    protected Map<String, String> extra() {
        return Map.of("sse.notifier.retry-pauses", "1s,1s", "sse.notifier.retry-jitter", "0");
    }

    @Test
    void aFailedDeliveryIsReplayedWithTheSameWebhookId() {
        String area = "830";
        Notifiers.Made made =
                notifiers().subscribe(area, receiver.url("/dead"), "json", List.of("brokerage.request.created"));
        receiver.script("/dead", Receiver.Answer.status(500), Receiver.Answer.status(502), Receiver.Answer.status(503));
        brokerage().raise(area, "R-dead", "100001", "Dead School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        receiver.await("/dead", 1, WAIT);
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMillis(1100));
            pipeline().sweep();
        }
        List<Receiver.Request> failed = receiver.await("/dead", 3, WAIT);
        assertThat(failed).hasSize(3);
        Map<String, Object> delivery = notifiers().deliveries(area, made.id()).get(0);
        assertThat(delivery)
                .containsEntry("status", "FAILED")
                .containsEntry("attempts", 3)
                .doesNotContainKey("nextAttemptAt");
        String id = (String) delivery.get("id");

        Api.Reply replayed = api.post(
                "/subscriptions/" + made.id() + "/deliveries/" + id + "/replay",
                notifiers().broker(area),
                null);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.map().get("delivery"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("status", "DELIVERED")
                .containsEntry("attempts", 4);
        assertThat(Notifiers.attempts(replayed.map()))
                .extracting(a -> a.get("trigger"))
                .containsExactly("STREAM", "SWEEP", "SWEEP", "REPLAY");
        Receiver.Request again = receiver.await("/dead", 4, WAIT).get(3);
        assertThat(again.header("webhook-id"))
                .isEqualTo(id)
                .isEqualTo(failed.get(0).header("webhook-id"));
        assertThat(again.body()).isEqualTo(failed.get(0).body());
        assertThat(Long.parseLong(again.header("webhook-timestamp")))
                .isGreaterThan(Long.parseLong(failed.get(0).header("webhook-timestamp")));
        assertThat(WebhookSignatures.verify(
                        SigningSecret.parse(made.secret()).orElseThrow(),
                        id,
                        again.header("webhook-timestamp"),
                        again.header("webhook-signature"),
                        again.body(),
                        clock.instant()))
                .isEqualTo(WebhookSignatures.Verification.VALID);

        // a delivered one may be sent again too; one on its schedule may not
        Api.Reply twice = api.post(
                "/subscriptions/" + made.id() + "/deliveries/" + id + "/replay",
                notifiers().broker(area),
                null);
        assertThat(twice.status()).isEqualTo(200);
        assertThat(receiver.await("/dead", 5, WAIT)).hasSize(5);
    }

    @Test
    void aReplayOfWhatIsStillScheduledOrOfAPausedSubscriptionIsAConflict() {
        String area = "831";
        String broker = notifiers().broker(area);
        Notifiers.Made made =
                notifiers().subscribe(area, receiver.url("/later"), "json", List.of("brokerage.request.created"));
        receiver.script("/later", Receiver.Answer.status(500));
        brokerage().raise(area, "R-later", "100001", "Later School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        receiver.await("/later", 1, WAIT);
        String id = (String) notifiers().deliveries(area, made.id()).get(0).get("id");
        Api.Reply scheduled = api.post("/subscriptions/" + made.id() + "/deliveries/" + id + "/replay", broker, null);
        assertThat(scheduled.status()).isEqualTo(409);
        assertThat(scheduled.contentType()).startsWith("application/problem+json");
        assertThat((String) scheduled.map().get("detail")).contains("RETRYING");

        api.post("/subscriptions/" + made.id() + "/pause", broker, null);
        clock.advance(Duration.ofSeconds(5));
        pipeline().sweep();
        Api.Reply paused = api.post("/subscriptions/" + made.id() + "/deliveries/" + id + "/replay", broker, null);
        assertThat(paused.status()).isEqualTo(409);
        assertThat(paused.map().get("allowed")).isEqualTo(List.of("resume"));
        api.post("/subscriptions/" + made.id() + "/resume", broker, null);
        Api.Reply resumed = api.post("/subscriptions/" + made.id() + "/deliveries/" + id + "/replay", broker, null);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(receiver.await("/later", 2, WAIT)).hasSize(2);
        assertThat(api.post(
                                "/subscriptions/" + made.id() + "/deliveries/msg_0000000000000000000000000Z/replay",
                                broker,
                                null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theReferenceLibraryRefusesAReplayWhoseTimestampIsFarFromItsClock() throws Exception {
        String area = "832";
        Notifiers.Made made =
                notifiers().subscribe(area, receiver.url("/skew"), "json", List.of("brokerage.request.created"));
        clock.reset();
        brokerage().raise(area, "R-skew", "100001", "Skew School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        Receiver.Request fresh = receiver.await("/skew", 1, WAIT).get(0);
        new Webhook(made.secret()).verify(fresh.body(), headers(fresh));

        clock.advance(Duration.ofMinutes(10)); // the notifier's clock runs ten minutes ahead of the receiver's
        String id = fresh.header("webhook-id");
        assertThat(api.post(
                                "/subscriptions/" + made.id() + "/deliveries/" + id + "/replay",
                                notifiers().broker(area),
                                null)
                        .status())
                .isEqualTo(200);
        Receiver.Request skewed = receiver.await("/skew", 2, WAIT).get(1);
        assertThat(Long.parseLong(skewed.header("webhook-timestamp"))
                        - Instant.now().getEpochSecond())
                .isGreaterThan(500);
        assertThatThrownBy(() -> new Webhook(made.secret()).verify(skewed.body(), headers(skewed)))
                .isInstanceOf(WebhookVerificationException.class);
        clock.reset();
    }

    private static Map<String, List<String>> headers(Receiver.Request r) {
        return Map.of(
                "webhook-id",
                List.of(r.header("webhook-id")),
                "webhook-timestamp",
                List.of(r.header("webhook-timestamp")),
                "webhook-signature",
                List.of(r.header("webhook-signature")));
    }
}
