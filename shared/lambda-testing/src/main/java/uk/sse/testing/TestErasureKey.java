package uk.sse.testing;

import uk.sse.kernel.identity.Tombstone;

/**
 * The erasure key the tests of every function that erases are configured with ({@code sse.erasure.key} in their
 * {@code application-test.yml}, decision 0117): one key, so each function's erasure of one subject must give the
 * tombstone {@link #of} gives.
 */
public final class TestErasureKey {

    public static final String KEY = "test-only-erasure-key-that-is-at-least-32-characters";

    private TestErasureKey() {}

    /** The tombstone every function's erasure of {@code subject} gives under the tests' key. */
    public static String of(String subject) {
        return Tombstone.keyed(KEY).of(subject);
    }
}
