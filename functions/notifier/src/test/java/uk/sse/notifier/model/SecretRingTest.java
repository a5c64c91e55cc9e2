package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rotation: the new secret signs at once, the old one beside it until its grace ends; never more than three. */
class SecretRingTest {

    static final Instant T = Instant.parse("2026-12-01T09:00:00Z");
    static final Duration GRACE = Duration.ofHours(24);
    final Random random = new Random(7);

    @Test
    void theOldSecretSignsBesideTheNewOneUntilItsGraceEnds() {
        SigningSecret first = SigningSecret.generate(random);
        SigningSecret second = SigningSecret.generate(random);
        SecretRing ring = SecretRing.of(first, T).rotate(second, T.plusSeconds(60), GRACE);
        assertThat(ring.current().secret()).isEqualTo(second);
        assertThat(ring.signingAt(T.plusSeconds(61))).containsExactly(second, first);
        assertThat(ring.graceEndsAt(T.plusSeconds(61)))
                .isEqualTo(T.plusSeconds(60).plus(GRACE));
        assertThat(ring.signingAt(T.plusSeconds(60).plus(GRACE))).containsExactly(second);
        assertThat(ring.graceEndsAt(T.plusSeconds(60).plus(GRACE))).isNull();
    }

    @Test
    void rotatingOftenKeepsAtMostThreeAndDropsTheExpired() {
        SecretRing ring = SecretRing.of(SigningSecret.generate(random), T);
        for (int i = 1; i <= 5; i++) {
            ring = ring.rotate(SigningSecret.generate(random), T.plusSeconds(i), GRACE);
        }
        assertThat(ring.secrets()).hasSize(SecretRing.MAX_SECRETS);
        assertThat(ring.signingAt(T.plusSeconds(6)))
                .hasSize(3)
                .first()
                .isEqualTo(ring.current().secret());
        SecretRing later =
                ring.rotate(SigningSecret.generate(random), T.plus(GRACE).plusSeconds(10), GRACE);
        assertThat(later.secrets())
                .as("the ones past their grace are gone; the one just replaced stays")
                .hasSize(2);
    }
}
