package uk.sse.reporting.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import uk.sse.reporting.reports.Report;
import uk.sse.reporting.reports.ReportRow;

/**
 * A report as CSV (RFC 4180: comma-separated, CRLF, quoted where needed): a header row of the row type's columns in
 * their fixed order, a line per row, then the total, whose first cell reads {@value #TOTAL}. An absent value is empty.
 * A text that a spreadsheet would take for a formula (it starts with = + - @, a tab or a carriage return: a provider
 * may name itself so) is written with a leading {@code '}, as OWASP advises against CSV injection; numbers are not text.
 */
final class CsvReports {

    static final String MEDIA_TYPE = "text/csv";
    static final String TOTAL = "TOTAL";

    private CsvReports() {}

    static String write(Report<? extends ReportRow> report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(report.total().columns());
            for (ReportRow row : report.rows()) {
                csv.printRecord(texts(row.cells()));
            }
            List<String> total = texts(report.total().cells());
            total.set(0, TOTAL);
            csv.printRecord(total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code days-888-2026-09-01-2027-08-31.csv}. */
    static String fileName(Report<? extends ReportRow> report) {
        return report.report() + "-" + report.area().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + report.from() + "-"
                + report.to() + ".csv";
    }

    static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static List<String> texts(List<Object> cells) {
        List<String> texts = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            texts.add(
                    switch (cell) {
                        case null -> "";
                        case BigDecimal d -> d.toPlainString();
                        case String text -> inert(text);
                        default -> cell.toString();
                    });
        }
        return texts;
    }
}
