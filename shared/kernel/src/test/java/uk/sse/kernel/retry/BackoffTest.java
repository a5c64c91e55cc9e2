package uk.sse.kernel.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackoffTest {

    static final class Busy extends RuntimeException {
        Busy(String why) {
            super(why);
        }
    }

    static final class GaveUp extends RuntimeException {
        GaveUp(String why, Throwable last) {
            super(why, last);
        }
    }

    private final Backoff backoff = new Backoff(4, Duration.ofMillis(1), Duration.ofMillis(5));

    @Test
    void aWriteThatLosesTwiceIsTriedAgainUntilItLands() {
        AtomicInteger tries = new AtomicInteger();
        String written = backoff.untilWritten(
                () -> tries.incrementAndGet() < 3 ? Optional.empty() : Optional.of("landed"), Busy.class, GaveUp::new);
        assertThat(written).isEqualTo("landed");
        assertThat(tries).hasValue(3);
    }

    @Test
    void aTransientFaultIsTriedAgainAndTheLastOneIsKeptWhenEveryAttemptFails() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> backoff.untilWritten(
                        () -> {
                            throw new Busy("throttled " + tries.incrementAndGet());
                        },
                        Busy.class,
                        GaveUp::new))
                .isInstanceOf(GaveUp.class)
                .hasMessage("stayed contended through 4 attempts")
                .cause()
                .hasMessage("throttled 4");
        assertThat(tries).hasValue(4);
    }

    @Test
    void lostRacesToTheEndGiveUpWithNoFault() {
        assertThatThrownBy(() -> backoff.untilWritten(Optional::empty, Busy.class, GaveUp::new))
                .isInstanceOf(GaveUp.class)
                .hasNoCause();
    }

    @Test
    void anyOtherFaultGoesStraightToTheCallerWithoutARetry() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> backoff.untilWritten(
                        () -> {
                            tries.incrementAndGet();
                            throw new IllegalStateException("a bug");
                        },
                        Busy.class,
                        GaveUp::new))
                .isInstanceOf(IllegalStateException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> backoff.untilWritten(Optional::empty, Busy.class, GaveUp::new))
                    .isInstanceOf(GaveUp.class)
                    .hasMessage("interrupted while waiting to retry");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
