package uk.sse.testing;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import uk.sse.kernel.time.ClockFactory;

/**
 * A clock the tests can move, to see approvals lapse on their review date. The Lambda handler runs in an
 * application context of its own (as in AWS), so the offset is shared by every instance in the JVM.
 */
@Singleton
@Replaces(bean = Clock.class, factory = ClockFactory.class)
public class SettableClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to the real time: a test class that moved the clock leaves it moved for the next class in the JVM otherwise. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
