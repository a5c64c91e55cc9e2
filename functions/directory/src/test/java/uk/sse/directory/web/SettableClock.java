package uk.sse.directory.web;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import uk.sse.kernel.time.ClockFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the tests can move forward, to see approvals lapse on their review date. */
@Singleton
@Replaces(bean = Clock.class, factory = ClockFactory.class)
public class SettableClock extends Clock {

    private volatile Instant now = Instant.now();

    public void advance(Duration by) {
        now = now.plus(by);
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
        return now;
    }
}
