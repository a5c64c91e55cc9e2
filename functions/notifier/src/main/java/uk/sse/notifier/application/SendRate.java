package uk.sse.notifier.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * At most one message per {@code interval} to each URL (a token bucket of one token, kept as the next free slot):
 * Slack takes about one message a second per incoming webhook. A sender reserves the next slot and waits for it if
 * it is near; if not, it leaves the delivery to the sweeper, due at the slot. A 429's {@code Retry-After} pushes the
 * URL's next slot back. Kept per function instance: concurrent instances each keep their own, and Slack's 429 (with
 * Retry-After, honoured) is the backstop.
 */
public final class SendRate {

    private static final int TRIM_ABOVE = 10_000;

    private final Duration interval;
    private final ConcurrentHashMap<String, Instant> nextFree = new ConcurrentHashMap<>();

    public SendRate(Duration interval) {
        this.interval = interval;
    }

    /** How long to wait for the reserved slot, or empty (nothing reserved) if it is further away than {@code maxWait}. */
    public Optional<Duration> reserve(String url, Instant now, Duration maxWait) {
        trim(now);
        AtomicReference<Duration> wait = new AtomicReference<>();
        nextFree.compute(url, (key, free) -> {
            Instant slot = free == null || free.isBefore(now) ? now : free;
            Duration until = Duration.between(now, slot);
            if (until.compareTo(maxWait) > 0) {
                return free;
            }
            wait.set(until);
            return slot.plus(interval);
        });
        return Optional.ofNullable(wait.get());
    }

    /** The URL's next free slot at {@code now}. */
    public Instant nextFree(String url, Instant now) {
        Instant free = nextFree.get(url);
        return free == null || free.isBefore(now) ? now : free;
    }

    /** Nothing goes to the URL before {@code until}. */
    public void holdUntil(String url, Instant until) {
        nextFree.merge(url, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    private void trim(Instant now) {
        if (nextFree.size() > TRIM_ABOVE) {
            nextFree.values().removeIf(free -> free.isBefore(now));
        }
    }
}
