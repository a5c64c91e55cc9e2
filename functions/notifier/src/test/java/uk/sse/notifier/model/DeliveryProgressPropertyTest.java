package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the answers, and with replays between rounds, a delivery keeps its id and body, is due exactly while it is
 * scheduled, never makes more than the schedule's attempts in a round, never attempts before it is due, and only a 2xx
 * delivers it; an endpoint's health follows the same answers: one success heals it, a failing spell as long as the
 * limit, or a gone endpoint, disables it.
 */
class DeliveryProgressPropertyTest {

    static final Duration DISABLE_AFTER = Duration.ofDays(5);

    @Property(tries = 400)
    void aDeliveryFollowsItsSchedule(@ForAll("answers") List<SendResult> answers, @ForAll long seed) {
        Random random = new Random(seed);
        RetrySchedule schedule = RetrySchedule.STANDARD;
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        Delivery d = Delivery.of("sub_1", "R-1/1", "brokerage.request.created", "888", Delivery.Kind.EVENT, "{}", now);
        String id = d.id();
        Instant failingSince = null;
        boolean disabled = false;
        for (SendResult answer : answers) {
            if (!d.status().scheduled()) {
                if (DeliveryProgress.problemReplaying(d).isPresent() || disabled) {
                    break;
                }
                d = DeliveryProgress.replay(d, now);
                assertThat(d.roundAttempts()).isZero();
                assertThat(d.dueAt()).isEqualTo(now);
            }
            now = d.dueAt().isAfter(now) ? d.dueAt() : now;
            Verdict verdict = Verdicts.of(answer, Format.SLACK);
            int before = d.attempts();
            DeliveryProgress.Attempted a =
                    DeliveryProgress.after(d, Trigger.SWEEP, "203.0.113.1:443", answer, verdict, now, schedule, random);
            d = a.delivery();
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.body()).isEqualTo("{}");
            assertThat(d.attempts()).isEqualTo(before + 1).isEqualTo(a.attempt().number());
            assertThat(d.log()).hasSizeLessThanOrEqualTo(Delivery.LOGGED).last().isEqualTo(a.attempt());
            assertThat(d.log()).extracting(Attempt::number).isSorted().doesNotHaveDuplicates();
            assertThat(d.roundAttempts()).isBetween(1, schedule.maxAttempts());
            assertThat(d.status().scheduled()).isEqualTo(d.dueAt() != null);
            assertThat(a.attempt().nextAttemptAt()).isEqualTo(d.dueAt());
            if (d.dueAt() != null) {
                assertThat(d.dueAt()).isAfter(now);
            }
            assertThat(d.status() == DeliveryStatus.DELIVERED)
                    .isEqualTo(answer instanceof SendResult.Answered ok && ok.success());
            if (d.roundAttempts() == schedule.maxAttempts()) {
                assertThat(d.status()).isIn(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED);
            }
            EndpointHealth.Change health = EndpointHealth.after(failingSince, d.kind(), verdict, now, DISABLE_AFTER);
            switch (health) {
                case EndpointHealth.Change.None none -> {}
                case EndpointHealth.Change.Recovered r -> failingSince = null;
                case EndpointHealth.Change.StartedFailing f -> failingSince = f.since();
                case EndpointHealth.Change.Disabled x -> disabled = true;
            }
            if (verdict instanceof Verdict.Delivered) {
                assertThat(failingSince).isNull();
            }
            if (verdict instanceof Verdict.Disable) {
                assertThat(disabled).isTrue();
                assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            }
            if (failingSince != null && !disabled) {
                assertThat(Duration.between(failingSince, now)).isLessThan(DISABLE_AFTER);
            }
            now = now.plusSeconds(random.nextInt(3600 * 30));
        }
    }

    @Provide
    Arbitrary<List<SendResult>> answers() {
        Arbitrary<SendResult> answered = Arbitraries.of(200, 201, 204, 301, 400, 404, 410, 429, 500, 502, 503)
                .flatMap(status -> Arbitraries.of("", "channel_not_found", "ok", "busy")
                        .flatMap(body -> Arbitraries.of(null, "5", "120", "Tue, 01 Dec 2026 09:10:00 GMT")
                                .map(retryAfter -> (SendResult) new SendResult.Answered(status, retryAfter, body, 9))));
        Arbitrary<SendResult> none =
                Arbitraries.of(SendResult.Failure.values()).map(f -> new SendResult.NoAnswer(f, "x", 10_000));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, answered), net.jqwik.api.Tuple.of(1, none))
                .list()
                .ofMinSize(1)
                .ofMaxSize(70);
    }
}
