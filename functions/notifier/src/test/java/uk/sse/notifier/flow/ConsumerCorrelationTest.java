package uk.sse.notifier.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import uk.sse.brokerage.model.Urgency;
import uk.sse.kernel.correlation.Correlation;
import uk.sse.notifier.application.AttemptDelivery;
import uk.sse.notifier.application.DeliverEvents;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Receiver;
import uk.sse.testing.LogCapture;
import uk.sse.testing.Polling;
import uk.sse.testing.StdoutCapture;

/**
 * The stream consumer's lines about an event carry the correlation id of the request that made it: the brokerage writes
 * the request's id into the event's envelope (as its handler does, under the caller's {@code X-Correlation-Id}), and the
 * notifier's handler, reading the record from the table's stream, logs each delivery (and counts each failure) under it,
 * on the thread that made the delivery, and leaves no id behind on its own thread. Two events of two requests in one
 * batch keep their own ids.
 */
@MicronautTest
class ConsumerCorrelationTest extends NotifierLambdaTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    @SuppressWarnings("unchecked")
    void eachDeliveryIsLoggedUnderTheCorrelationIdOfTheRequestThatMadeItsEvent() throws Exception {
        notifiers().subscribe("821", receiver.url("/c/fine"), "json", List.of("brokerage.request.created"));
        notifiers().subscribe("822", receiver.url("/c/failing"), "json", List.of("brokerage.request.created"));
        receiver.script("/c/fine", Receiver.Answer.status(200));
        receiver.script("/c/failing", Receiver.Answer.status(500, "boom"));
        String first = "visit-" + System.nanoTime();
        String second = "visit-" + (System.nanoTime() + 1);
        Correlation.during(
                first,
                () -> brokerage()
                        .raise(
                                "821",
                                "R-c-1",
                                "100021",
                                "Correlated School",
                                List.of("CT.READ"),
                                "Phonics in year 1",
                                Urgency.HIGH));
        Correlation.during(
                second,
                () -> brokerage()
                        .raise(
                                "822",
                                "R-c-2",
                                "100022",
                                "Correlated School",
                                List.of("CT.READ"),
                                "Phonics in year 1",
                                Urgency.HIGH));

        List<Map<String, Object>> lines;
        List<Map<String, Object>> failures;
        try (LogCapture logs = LogCapture.start();
                StdoutCapture out = StdoutCapture.start()) {
            assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                    .isEmpty();
            assertThat(MDC.get(Correlation.KEY))
                    .as("the handler's own thread keeps no id")
                    .isNull();
            lines = Polling.until(
                    () -> logs.records(json).stream()
                            .filter(l -> DeliverEvents.class.getName().equals(l.get("loggerName"))
                                    && String.valueOf(l.get("formattedMessage")).startsWith("event "))
                            .toList(),
                    l -> l.size() >= 2,
                    WAIT);
            failures = Polling.until(
                    () -> out.metrics(json).stream()
                            .filter(l -> l.containsKey(AttemptDelivery.WEBHOOK_FAILURES))
                            .toList(),
                    l -> !l.isEmpty(),
                    WAIT);
            assertThat(logs.lines()).noneMatch(l -> l.contains("Phonics in year 1") || l.contains("Correlated School"));
        }
        assertThat(lines).hasSize(2);
        assertThat(lines)
                .filteredOn(l -> String.valueOf(l.get("formattedMessage")).contains("R-c-1"))
                .singleElement()
                .satisfies(l -> assertThat((Map<String, Object>) l.get("mdc")).containsEntry(Correlation.KEY, first));
        assertThat(lines)
                .filteredOn(l -> String.valueOf(l.get("formattedMessage")).contains("R-c-2"))
                .singleElement()
                .satisfies(l -> assertThat((Map<String, Object>) l.get("mdc")).containsEntry(Correlation.KEY, second));
        assertThat(failures)
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("Area", "822").containsEntry(Correlation.KEY, second));
    }
}
