package uk.sse.notifier.storage;

import java.time.Instant;

/** Times in sort keys: epoch milliseconds, fixed width, so that they sort as numbers. */
final class Keys {

    private Keys() {}

    static String millis(Instant t) {
        return String.format("%015d", t.toEpochMilli());
    }
}
