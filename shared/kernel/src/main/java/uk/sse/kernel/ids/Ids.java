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

    /** A character of Crockford's base32, as a regular expression. */
    public static final String CHARACTER = "[0-9A-HJKMNP-TV-Z]";

    /**
     * What follows an id's prefix and underscore, as a regular expression: 26 characters, the first 0-7 (48 bits of
     * time). Constant, so that request constraints can say {@code "sub_" + Ids.BODY}.
     */
    public static final String BODY = "[0-7]" + CHARACTER + "{25}";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

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
        char[] out = new char[10];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        byte[] random = new byte[10];
        randomness.nextBytes(random);
        return new String(out, 0, 10) + base32(random, 16);
    }

    /** The first {@code characters} five-bit groups of {@code bytes}, most significant first, in Crockford's base32. */
    public static String base32(byte[] bytes, int characters) {
        if (characters * 5 > bytes.length * 8) {
            throw new IllegalArgumentException(characters + " characters need more than " + bytes.length + " bytes");
        }
        StringBuilder out = new StringBuilder(characters);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; out.length() < characters; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < characters) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }

    /** Mixes fresh entropy into the ids' generator (after a SnapStart restore: see {@code uk.sse.kernel.snapstart}). */
    public static void reseed() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        RANDOM.setSeed(seed);
    }

    /** True for a string this class could have produced with the given prefix (48 bits of time: the first character is 0-7). */
    public static boolean looksLike(String prefix, String id) {
        return id != null && id.matches(java.util.regex.Pattern.quote(prefix) + "_" + BODY);
    }
}
