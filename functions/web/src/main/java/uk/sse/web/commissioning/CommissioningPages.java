package uk.sse.web.commissioning;

import java.util.List;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;

/** The commissioner's pages: the dashboard, and allocating credits. */
public final class CommissioningPages {

    private CommissioningPages() {}

    /** A headline figure. */
    public record Figure(String label, String value) {}

    /**
     * A chart with the same figures as a table beside it and its report as CSV: {@code svg} is drawn by {@link Charts};
     * the table's first column heads each row.
     */
    public record Section(
            String id,
            String title,
            String description,
            String svg,
            List<String> columns,
            List<List<String>> rows,
            String csv,
            String empty) {
        /**
         * Rows a page shows of a table: a year of an area's brokerage listed 2,108 requests waiting, 1 MB of the page's
         * 1.4 MB (docs/performance.md); a phone gets the first rows and the CSV has them all.
         */
        public static final int SHOWN = 25;

        public List<List<String>> shownRows() {
            return rows.size() <= SHOWN ? rows : rows.subList(0, SHOWN);
        }

        /** Rows left for the CSV, 0 when the table shows them all. */
        public int notShown() {
            return Math.max(0, rows.size() - SHOWN);
        }
    }

    public record Dashboard(
            String period,
            String from,
            String to,
            List<Choice> presets,
            String fromDay,
            String fromMonth,
            String fromYear,
            String toDay,
            String toMonth,
            String toYear,
            List<Figure> figures,
            List<Section> sections,
            Errors errors,
            String banner) {}

    /** A line of the preview: which school, by name, and what it will be given. */
    public record PreviewLine(long line, String urn, String school, String amount) {}

    /** The allocation form; {@code problems} are every bad line of a refused sheet, each with its line number. */
    public record Allocate(
            String key,
            String reference,
            String sheet,
            String urn,
            String amount,
            Errors errors,
            List<String> problems) {}

    /** The credit scheme's form: credits each term as typed, the expiry choices, and the scheme's version when read. */
    public record Scheme(String creditsPerTerm, List<Choice> expiry, long version, Errors errors, String banner) {}

    public record Preview(
            String key, String reference, String sheet, List<PreviewLine> lines, String total, String schools) {}
}
