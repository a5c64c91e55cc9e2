package uk.sse.web.commissioning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Horizontal bar charts as SVG, drawn on the server. The drawing is 320 units wide and scales to its box, so at a
 * phone's 320 px its 14-unit text is 14 px; each group's label sits on its own line above its bars, so long names of
 * areas of support never squeeze the bars. The same figures are in a table beside each chart: the chart is
 * {@code aria-hidden} apart from its title, and the table is what a screen reader reads.
 */
public final class Charts {

    /** Series colours: GOV.UK blue and purple, each above 3:1 against white. */
    private static final String[] COLOURS = {"#1d70b8", "#912b88", "#00703c"};

    private static final int WIDTH = 320;
    private static final int BAR = 14;
    private static final int TEXT = 14;
    private static final int ROOM_FOR_VALUE = 56;

    private Charts() {}

    /** One label's bars, a value per series (none is drawn as nothing, not as zero). */
    public record Group(String label, List<BigDecimal> values) {}

    public static String bars(String title, List<String> series, List<Group> groups) {
        BigDecimal max = groups.stream()
                .flatMap(g -> g.values().stream())
                .filter(v -> v != null)
                .max(BigDecimal::compareTo)
                .filter(v -> v.signum() > 0)
                .orElse(BigDecimal.ONE);
        StringBuilder body = new StringBuilder();
        int y = 0;
        for (int s = 0; s < series.size(); s++) {
            // the key, a line a series, so no name is squeezed at 320 px
            body.append(rect(0, y + 2, 12, 12, COLOURS[s % COLOURS.length]))
                    .append(text(16, y + TEXT - 1, series.get(s), "start"));
            y += TEXT + 4;
        }
        y += 8;
        for (Group g : groups) {
            body.append(text(0, y + TEXT - 2, shortened(g.label()), "start"));
            y += TEXT + 4;
            for (int s = 0; s < g.values().size(); s++) {
                BigDecimal v = g.values().get(s);
                if (v != null) {
                    int w = v.multiply(BigDecimal.valueOf(WIDTH - ROOM_FOR_VALUE))
                            .divide(max, 0, RoundingMode.HALF_UP)
                            .intValue();
                    body.append(rect(0, y, Math.max(w, v.signum() > 0 ? 1 : 0), BAR, COLOURS[s % COLOURS.length]))
                            .append(text(
                                    w + 4, y + BAR - 2, v.stripTrailingZeros().toPlainString(), "start"));
                }
                y += BAR + 3;
            }
            y += 8;
        }
        return "<svg class=\"sse-chart\" viewBox=\"0 0 " + WIDTH + " " + y + "\" role=\"img\" aria-label=\""
                + escape(title)
                + "\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"arial, sans-serif\" font-size=\"" + TEXT
                + "\">"
                + "<title>" + escape(title) + "</title><g aria-hidden=\"true\">" + body + "</g></svg>";
    }

    private static String rect(int x, int y, int w, int h, String fill) {
        return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\" fill=\"" + fill + "\"/>";
    }

    private static String text(int x, int y, String text, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" fill=\"#0b0c0c\" text-anchor=\"" + anchor + "\">" + escape(text)
                + "</text>";
    }

    /** A label that fits the width (about 44 characters of 14 px Arial); the table beside the chart has it whole. */
    static String shortened(String label) {
        return label == null || label.length() <= 44
                ? label
                : label.substring(0, 42).stripTrailing() + "…";
    }

    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
