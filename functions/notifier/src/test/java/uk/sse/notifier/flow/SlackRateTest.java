package uk.sse.notifier.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Urgency;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.notifier.testing.Receiver;

/**
 * A Slack URL gets at most one message per interval (0.5 s here, 1 s by default): what cannot wait for its turn is
 * left to the sweeper, due at the turn, without counting as an attempt; a 429 holds the URL for its Retry-After. A
 * JSON subscription has no such limit.
 */
@MicronautTest
class SlackRateTest extends NotifierLambdaTest {

    static final String AREA = "880";
    static final int EVENTS = 4;
    static final Duration INTERVAL = Duration.ofMillis(500);

    @Override
    protected Map<String, String> extra() {
        return Map.of("sse.notifier.slack-interval", "500ms", "sse.notifier.rate-wait", "200ms");
    }

    @Test
    void messagesToOneSlackUrlAreSpacedAndTheRestWaitForTheSweeper() throws Exception {
        Notifiers.Made slack =
                notifiers().subscribe(AREA, receiver.url("/slack"), "slack", List.of("brokerage.request.created"));
        Notifiers.Made json =
                notifiers().subscribe(AREA, receiver.url("/plain"), "json", List.of("brokerage.request.created"));
        for (int i = 0; i < EVENTS; i++) {
            brokerage()
                    .raise(
                            AREA,
                            "R-rate-" + i,
                            "1000" + (20 + i),
                            "Rate School " + i,
                            List.of("CT.READ"),
                            "Phonics",
                            Urgency.HIGH);
        }
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        assertThat(receiver.await("/plain", EVENTS, Duration.ofSeconds(15))).hasSize(EVENTS);
        List<Map<String, Object>> held = notifiers().deliveries(AREA, slack.id()).stream()
                .filter(d -> d.get("status").equals("PENDING"))
                .toList();
        assertThat(held)
                .as("held back by the rate, not attempted")
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d).containsEntry("attempts", 0));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (receiver.received("/slack").size() < EVENTS && System.nanoTime() < deadline) {
            pipeline().sweep();
            Thread.sleep(100);
        }
        List<Receiver.Request> arrived = receiver.received("/slack");
        assertThat(arrived).hasSize(EVENTS);
        for (int i = 1; i < arrived.size(); i++) {
            long gap = (arrived.get(i).nanos() - arrived.get(i - 1).nanos()) / 1_000_000;
            assertThat(gap).as("gap before message " + i).isGreaterThanOrEqualTo(INTERVAL.toMillis() - 100);
        }
        assertThat(notifiers().deliveries(AREA, slack.id()))
                .allSatisfy(
                        d -> assertThat(d).containsEntry("status", "DELIVERED").containsEntry("attempts", 1));
        assertThat(notifiers().deliveries(AREA, json.id()))
                .allSatisfy(d -> assertThat(d).containsEntry("attempts", 1));
    }

    @Test
    void aTooManyRequestsHoldsTheUrlForItsRetryAfter() throws Exception {
        Notifiers.Made slack =
                notifiers().subscribe(AREA, receiver.url("/limited"), "slack", List.of("brokerage.request.created"));
        receiver.script("/limited", Receiver.Answer.status(429, "rate_limited").header("Retry-After", "2"));
        brokerage().raise(AREA, "R-429-a", "100031", "Limit School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        Receiver.Request limited =
                receiver.await("/limited", 1, Duration.ofSeconds(15)).get(0);
        brokerage().raise(AREA, "R-429-b", "100032", "Limit School", List.of("CT.READ"), "Maths", Urgency.HIGH);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (receiver.received("/limited").size() < 3 && System.nanoTime() < deadline) {
            pipeline().sweep();
            Thread.sleep(100);
        }
        List<Receiver.Request> arrived = receiver.received("/limited");
        assertThat(arrived).hasSize(3);
        for (Receiver.Request later : arrived.subList(1, 3)) {
            assertThat((later.nanos() - limited.nanos()) / 1_000_000)
                    .as("nothing within the Retry-After")
                    .isGreaterThanOrEqualTo(1900);
        }
        assertThat(notifiers().deliveries(AREA, slack.id()))
                .allSatisfy(d -> assertThat(d).containsEntry("status", "DELIVERED"));
    }
}
