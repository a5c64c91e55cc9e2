package uk.sse.kernel.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.problem.ServiceBusy;

class AreaRegisterTest {

    private static final AreaRegister.Listed TRUST = new AreaRegister.Listed(
            "trust-ribble", "Ribble Learning Trust", AreaKind.TRUST, List.of(), List.of(), List.of("119788"), false);
    private static final AreaRegister.Listed LANCASHIRE =
            new AreaRegister.Listed("888", "Lancashire", AreaKind.LA, List.of("888"), List.of(), List.of(), true);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T01:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void readsTheRegisterOnceWhileFreshThenAgainAndKeepsTheLastReadWhenTheDirectoryDoesNotAnswer() {
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<List<AreaRegister.Listed>> answer = new AtomicReference<>(List.of(TRUST));
        AreaRegister register = new AreaRegister(
                () -> {
                    reads.incrementAndGet();
                    if (answer.get() == null) {
                        throw new ServiceBusy("down", null);
                    }
                    return answer.get();
                },
                Duration.ofSeconds(60),
                clock);

        SchoolFacts academy = new SchoolFacts("119788", "888", null);
        assertThat(register.now().including(academy)).containsExactly("888", "trust-ribble");
        assertThat(register.now().letsSchoolsRaise("888")).isFalse();
        assertThat(reads).hasValue(1);

        answer.set(List.of(TRUST, LANCASHIRE));
        now.set(now.get().plusSeconds(59));
        assertThat(register.now().letsSchoolsRaise("888"))
                .as("still fresh: not asked again")
                .isFalse();
        now.set(now.get().plusSeconds(1));
        assertThat(register.now().letsSchoolsRaise("888"))
                .as("asked again once stale")
                .isTrue();
        assertThat(register.now().find("888").orElseThrow().name()).isEqualTo("Lancashire");
        assertThat(reads).hasValue(2);

        answer.set(null);
        now.set(now.get().plusSeconds(61));
        assertThat(register.now().letsSchoolsRaise("888"))
                .as("the directory down: the last read is kept")
                .isTrue();
        assertThat(register.now().including(academy)).containsExactly("888", "trust-ribble");
        assertThat(reads).as("and not asked on every call while down").hasValue(3);
    }

    @Test
    void withNothingReadYetADirectoryThatDoesNotAnswerIsServiceBusy() {
        AreaRegister register = new AreaRegister(
                () -> {
                    throw new IllegalStateException("connection refused");
                },
                Duration.ofSeconds(60),
                clock);
        assertThatThrownBy(register::now).isInstanceOf(ServiceBusy.class).hasMessageContaining("connection refused");
    }
}
