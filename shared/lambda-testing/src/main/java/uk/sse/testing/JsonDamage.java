package uk.sse.testing;

import java.util.Random;

/** Breaks JSON the way a bad client or a cut connection does: a few characters deleted, inserted or replaced. */
public final class JsonDamage {

    private static final String ALPHABET = "{}[]\":,0123456789-.eE truefalsnul\\/";

    private JsonDamage() {}

    /** {@code json} with 1 to {@code maxEdits} random edits. */
    public static String damage(String json, Random random, int maxEdits) {
        StringBuilder text = new StringBuilder(json);
        int edits = 1 + random.nextInt(maxEdits);
        for (int e = 0; e < edits && !text.isEmpty(); e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return text.toString();
    }
}
