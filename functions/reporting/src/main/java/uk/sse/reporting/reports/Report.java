package uk.sse.reporting.reports;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report of an area over a period (dates inclusive, in England's calendar): its rows in a stable order, the total over
 * the period (not always the sum of the rows: a median is not, and an engagement counts in each of its areas), and the
 * options it was asked with.
 */
@Serdeable
public record Report<R extends ReportRow>(
        String report, String area, LocalDate from, LocalDate to, Map<String, String> options, List<R> rows, R total) {

    public Report {
        options = Map.copyOf(options);
        rows = List.copyOf(rows);
    }
}
