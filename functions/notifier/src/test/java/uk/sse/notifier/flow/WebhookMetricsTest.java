package uk.sse.notifier.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Urgency;
import uk.sse.notifier.application.AttemptDelivery;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Receiver;
import uk.sse.testing.Polling;
import uk.sse.testing.StdoutCapture;

/**
 * Webhook failures as CloudWatch reads them: the stream consumer's handler prints an embedded-metric-format line per
 * attempt that did not deliver, in the subscription's area (and overall), with {@code WebhooksDisabled} 1 when the
 * attempt disabled the endpoint. An attempt that delivers prints none.
 */
@MicronautTest
class WebhookMetricsTest extends NotifierLambdaTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aFailedAttemptIsCountedInItsAreaAndAGoneEndpointAsDisabled() throws Exception {
        notifiers().subscribe("811", receiver.url("/m/failing"), "json", List.of("brokerage.request.created"));
        notifiers().subscribe("812", receiver.url("/m/gone"), "json", List.of("brokerage.request.created"));
        notifiers().subscribe("813", receiver.url("/m/fine"), "json", List.of("brokerage.request.created"));
        receiver.script("/m/failing", Receiver.Answer.status(500, "boom"));
        receiver.script("/m/gone", Receiver.Answer.status(410, "no more"));
        receiver.script("/m/fine", Receiver.Answer.status(200));

        List<Map<String, Object>> lines;
        try (StdoutCapture out = StdoutCapture.start()) {
            brokerage().raise("811", "R-m-1", "100001", "Metric School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
            brokerage().raise("812", "R-m-2", "100002", "Metric School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
            brokerage().raise("813", "R-m-3", "100003", "Metric School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
            assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                    .isEmpty();
            assertThat(receiver.await("/m/fine", 1, WAIT)).hasSize(1);
            lines = Polling.until(() -> failures(out), l -> l.size() >= 2, WAIT);
        }
        assertThat(lines).extracting(l -> l.get("Area")).containsExactlyInAnyOrder("811", "812");
        assertThat(lines).allSatisfy(l -> {
            Map<String, Object> definition = StdoutCapture.definition(l);
            assertThat(definition)
                    .containsEntry("Namespace", "SSE")
                    .containsEntry("Dimensions", List.of(List.of("Area"), List.of()));
            assertThat(l).containsEntry(AttemptDelivery.WEBHOOK_FAILURES, 1.0).doesNotContainKey("url");
            assertThat(l.toString()).doesNotContain("Phonics", "Metric School", "boom");
        });
        assertThat(lines)
                .filteredOn(l -> "811".equals(l.get("Area")))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry(AttemptDelivery.WEBHOOKS_DISABLED, 0.0));
        assertThat(lines)
                .filteredOn(l -> "812".equals(l.get("Area")))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry(AttemptDelivery.WEBHOOKS_DISABLED, 1.0));
    }

    private List<Map<String, Object>> failures(StdoutCapture out) {
        return out.metrics(json).stream()
                .filter(l -> l.containsKey(AttemptDelivery.WEBHOOK_FAILURES))
                .toList();
    }
}
