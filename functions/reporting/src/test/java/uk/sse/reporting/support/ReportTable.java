package uk.sse.reporting.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.sse.reporting.scenario.ExpectedFigures;

/**
 * A report as a table of texts, so that its JSON, its CSV and the figures expected by hand compare cell by cell: a
 * number is written in its shortest exact form (4, 4.5, 4.33), an absent value as "".
 */
public record ReportTable(List<String> columns, List<List<String>> rows, List<String> total) {

    public static ReportTable of(ExpectedFigures.Expected expected) {
        return new ReportTable(
                expected.total().columns(),
                expected.rows().stream().map(r -> cells(r.cells())).toList(),
                cells(expected.total().cells()));
    }

    /** A report as the use case answers it, before any serialisation. */
    public static ReportTable of(uk.sse.reporting.reports.Report<?> report) {
        return new ReportTable(
                report.total().columns(),
                report.rows().stream().map(r -> cells(r.cells())).toList(),
                cells(report.total().cells()));
    }

    /** The report's JSON body: {@code rows} and {@code total}, their members read in the order of {@code columns}. */
    @SuppressWarnings("unchecked")
    public static ReportTable ofJson(Map<String, Object> report, List<String> columns) {
        List<List<String>> rows = new ArrayList<>();
        for (Object row : (List<Object>) report.get("rows")) {
            rows.add(byColumn((Map<String, Object>) row, columns));
        }
        return new ReportTable(columns, rows, byColumn((Map<String, Object>) report.get("total"), columns));
    }

    /** A CSV body: its header, its lines, and its last line, the total, whose first cell must read TOTAL. */
    public static ReportTable ofCsv(String csv) {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            List<String> header = records.getFirst().toList();
            CSVRecord last = records.getLast();
            if (!"TOTAL".equals(last.get(0))) {
                throw new IllegalStateException("the last CSV line is not the total: " + last);
            }
            List<List<String>> rows = records.subList(1, records.size() - 1).stream()
                    .map(r -> cells(List.copyOf(r.toList())))
                    .toList();
            List<String> total = new ArrayList<>(cells(List.copyOf(last.toList())));
            total.set(0, "");
            return new ReportTable(header, rows, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> byColumn(Map<String, Object> row, List<String> columns) {
        List<Object> cells = new ArrayList<>();
        for (String c : columns) {
            cells.add(row.get(c));
        }
        return cells(cells);
    }

    static List<String> cells(List<?> cells) {
        List<String> out = new ArrayList<>();
        for (Object cell : cells) {
            out.add(text(cell));
        }
        return out;
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Number n) {
            return number(n.toString());
        }
        String s = cell.toString();
        return s.matches("-?\\d+(\\.\\d+)?") ? number(s) : s;
    }

    private static String number(String s) {
        BigDecimal d = new BigDecimal(s).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** Rows, then the total, one line each: what an assertion failure prints. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.join(" | ", columns)).append('\n');
        rows.forEach(r -> b.append(String.join(" | ", r)).append('\n'));
        return b.append("TOTAL ").append(String.join(" | ", total)).toString();
    }
}
