package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The schedule: Svix's pauses with jitter, at least what Retry-After asks for, and eight attempts in a round. */
class RetryScheduleTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final RetrySchedule S = RetrySchedule.STANDARD;

    @Test
    void theStandardScheduleIsEightAttemptsOverAboutADay() {
        assertThat(S.maxAttempts()).isEqualTo(8);
        assertThat(S.pauses())
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(10));
        assertThat(S.pauses().stream().reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofMinutes(27 * 60 + 35).plusSeconds(5));
        assertThat(S.next(8, NOW, Optional.empty(), new Random(1)))
                .as("after the eighth failure, no more")
                .isEmpty();
        assertThat(S.next(0, NOW, Optional.empty(), new Random(1))).isEmpty();
    }

    @Property(tries = 500)
    void eachPauseIsWithinItsJitter(@ForAll @IntRange(min = 1, max = 7) int failed, @ForAll long seed) {
        Instant next = S.next(failed, NOW, Optional.empty(), new Random(seed)).orElseThrow();
        Duration pause = Duration.between(NOW, next);
        assertThat(pause).isBetween(S.earliest(failed), S.latest(failed));
        assertThat(S.earliest(failed))
                .isEqualTo(Duration.ofMillis((long) (S.pauses().get(failed - 1).toMillis() * 0.8)));
    }

    @Property(tries = 500)
    void retryAfterIsHonouredAndNeverShortensThePause(
            @ForAll @IntRange(min = 1, max = 7) int failed,
            @ForAll @LongRange(min = 0, max = 86_400) long askedSeconds,
            @ForAll long seed) {
        Duration asked = Duration.ofSeconds(askedSeconds);
        Instant next = S.next(failed, NOW, Optional.of(asked), new Random(seed)).orElseThrow();
        Instant without =
                S.next(failed, NOW, Optional.empty(), new Random(seed)).orElseThrow();
        assertThat(next).isAfterOrEqualTo(NOW.plus(asked)).isAfterOrEqualTo(without);
        assertThat(next).isEqualTo(NOW.plus(asked).isAfter(without) ? NOW.plus(asked) : without);
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDateAndIsCappedAtADay() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 09:10:00 GMT", NOW)).contains(Duration.ofMinutes(10));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 08:00:00 GMT", NOW))
                .as("a date gone by")
                .contains(Duration.ZERO);
        assertThat(RetryAfter.parse("999999", NOW)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
    }
}
