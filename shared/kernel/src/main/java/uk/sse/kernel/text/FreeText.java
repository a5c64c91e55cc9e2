package uk.sse.kernel.text;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The one rule for text people type, which every store and channel can hold (PostgreSQL refuses NUL; Slack, e-mail and
 * spreadsheets misread control characters): valid Unicode scalar values only (no lone surrogate), no NUL or other
 * control character (C0, DEL, C1) except a line break (LF, or CR LF) and a tab where the field allows several lines,
 * and the text stored in Normalization Form C, so the same words are the same text whichever keyboard typed them.
 */
public final class FreeText {

    private FreeText() {}

    /** Why {@code text} breaks the rule, or empty if it keeps it. */
    public static Optional<String> problemWith(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains a lone surrogate (U+" + hex(c) + "), which is not a character");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains a lone surrogate (U+" + hex(c) + "), which is not a character");
            }
            if (c == '\n' || c == '\t' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                if (!multiLine) {
                    return Optional.of("must be one line: no line breaks or tabs");
                }
                continue;
            }
            if (c == 0) {
                return Optional.of("contains a NUL character");
            }
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                return Optional.of("contains a control character (U+" + hex(c) + ")");
            }
        }
        return Optional.empty();
    }

    /** The text in Normalization Form C, with CR LF line breaks as LF. */
    public static String normal(String text) {
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        return nfc.indexOf('\r') < 0 ? nfc : nfc.replace("\r\n", "\n");
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
