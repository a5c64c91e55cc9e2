package uk.sse.contracts;

import java.util.Map;

/**
 * An event as a type: what a producer's model builds and a consumer reads. It travels in the kernel's envelope
 * ({@code type}, {@code id}, {@code occurredAt}, {@code area}, {@code data}); {@link #data()} is the envelope's data,
 * with the contract's version under {@link #VERSION}. A reader takes any version at or above the one it knows and
 * ignores fields it does not know, so a producer may add fields without breaking a consumer.
 */
public interface Contract {

    /** The data member that carries the contract's version (a whole number from 1). */
    String VERSION = "contractVersion";

    /** The envelope's type: {@code <function>.<thing>.<what happened>}. */
    String type();

    /** The envelope's id: unique per event and the same when a retried command publishes it again. */
    String eventId();

    /** The envelope's occurredAt: when it happened. */
    java.time.Instant occurredAt();

    /** The envelope's area. */
    String area();

    /** The envelope's data: strings, whole numbers, booleans, lists and maps only. */
    Map<String, Object> data();

    /** Data of {@code version} with these members, in this order; a null value leaves its member out (absent, never null). */
    static Map<String, Object> members(int version, Object... namesAndValues) {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put(VERSION, version);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                d.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return d;
    }
}
