package uk.sse.notifier.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Urgency;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.notifier.testing.Pipeline;
import uk.sse.notifier.testing.Receiver;

/**
 * Sweepers running at once (separate instances, as overlapping scheduled invocations would be) never send a due
 * delivery twice: each claims a delivery on condition that nobody took it since it was found due.
 */
@MicronautTest
class SweeperRaceTest extends NotifierLambdaTest {

    static final String AREA = "870";
    static final int EVENTS = 30;
    static final int SWEEPERS = 4;

    @Test
    void concurrentSweepersSendEachDueDeliveryOnce() throws Exception {
        Notifiers.Made made =
                notifiers().subscribe(AREA, receiver.url("/race"), "json", List.of("brokerage.request.created"));
        Receiver.Answer[] failures = new Receiver.Answer[EVENTS];
        java.util.Arrays.fill(failures, Receiver.Answer.status(503));
        receiver.script("/race", failures);
        for (int i = 0; i < EVENTS; i++) {
            brokerage()
                    .raise(
                            AREA,
                            "R-race-" + i,
                            "1000" + (10 + i),
                            "Race School " + i,
                            List.of("CT.READ"),
                            "Phonics",
                            Urgency.HIGH);
        }
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();
        assertThat(receiver.await("/race", EVENTS, Duration.ofSeconds(30))).hasSize(EVENTS);
        clock.advance(Duration.ofSeconds(7));

        List<Pipeline> sweepers = new ArrayList<>();
        try {
            for (int i = 0; i < SWEEPERS; i++) {
                sweepers.add(new Pipeline(new HashMap<>(getProperties()), settings.tableName()));
            }
            CyclicBarrier start = new CyclicBarrier(SWEEPERS);
            List<CompletableFuture<Map<String, Object>>> runs = sweepers.stream()
                    .map(p -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                return p.sweep();
                            },
                            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()))
                    .toList();
            int attempted = 0;
            for (CompletableFuture<Map<String, Object>> run : runs) {
                attempted += ((Number) run.get().get("attempted")).intValue();
            }
            assertThat(attempted)
                    .as("between them the sweepers attempted each due delivery once")
                    .isEqualTo(EVENTS);
        } finally {
            sweepers.forEach(Pipeline::close);
        }
        List<Receiver.Request> all = receiver.await("/race", 2 * EVENTS, Duration.ofSeconds(30));
        Thread.sleep(300);
        Map<String, Long> perDelivery = receiver.received("/race").stream()
                .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
        assertThat(perDelivery).hasSize(EVENTS);
        assertThat(perDelivery.values())
                .as("a first attempt and exactly one retry each")
                .containsOnly(2L);
        assertThat(all).hasSize(2 * EVENTS);
        assertThat(notifiers().deliveries(AREA, made.id()))
                .hasSize(EVENTS)
                .allSatisfy(
                        d -> assertThat(d).containsEntry("status", "DELIVERED").containsEntry("attempts", 2));
    }
}
