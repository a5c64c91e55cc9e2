package uk.sse.directory.application;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values read recently, kept for a while: for reference data that changes only when it is imported again (the register's
 * schools, the postcode directory), read on every search. At most {@code most} are kept; when full, all are let go.
 */
public final class Recently<K, V> {

    private record Kept<V>(V value, long until) {}

    private final Clock clock;
    private final Duration keepFor;
    private final int most;
    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();

    public Recently(Clock clock, Duration keepFor, int most) {
        this.clock = clock;
        this.keepFor = keepFor;
        this.most = most;
    }

    /** The value kept for the key, or the one {@code read} gives now (kept from now on). */
    public V get(K key, Function<K, V> read) {
        long now = clock.millis();
        Kept<V> k = kept.get(key);
        if (k != null && k.until() > now) {
            return k.value();
        }
        V value = read.apply(key);
        if (kept.size() >= most) {
            kept.clear();
        }
        kept.put(key, new Kept<>(value, now + keepFor.toMillis()));
        return value;
    }
}
