package uk.sse.web.forms;

/** One choice of a radio group, checkbox group or select: what it sends, what it says, a hint, and whether it is chosen. */
public record Choice(String value, String label, String hint, boolean chosen) {

    public Choice(String value, String label, boolean chosen) {
        this(value, label, null, chosen);
    }
}
