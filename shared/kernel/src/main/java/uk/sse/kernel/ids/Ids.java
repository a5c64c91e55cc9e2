package uk.sse.kernel.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Time-ordered, URL-safe ids in the ULID layout (48-bit milliseconds then 80 random bits, Crockford
 * base32), with a short prefix naming the kind of thing, e.g. {@code off_01JD...}. Sorting ids sorts by age.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() { }

    public static String newId(String prefix, Clock clock) {
        return newId(prefix, clock.millis(), RANDOM);
    }

    /** An id for the given time from the given source of randomness: repeatable, e.g. for demo data. */
    public static String newId(String prefix, long millis, RandomGenerator random) {
        return prefix + "_" + ulid(millis, random);
    }

    public static String newId(String prefix) {
        return newId(prefix, Clock.systemUTC());
    }

    static String ulid(long millis, RandomGenerator randomness) {
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        byte[] random = new byte[10];
        randomness.nextBytes(random);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
            lo = (lo << 8) | (random[i + 5] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    /** Mixes fresh entropy into the ids' generator (after a SnapStart restore: see {@code uk.sse.kernel.snapstart}). */
    public static void reseed() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        RANDOM.setSeed(seed);
    }

    /** True for a string this class could have produced with the given prefix (48 bits of time: the first character is 0-7). */
    public static boolean looksLike(String prefix, String id) {
        return id != null && id.matches(java.util.regex.Pattern.quote(prefix) + "_[0-7][0-9A-HJKMNP-TV-Z]{25}");
    }
}
