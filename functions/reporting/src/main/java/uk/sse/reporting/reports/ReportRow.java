package uk.sse.reporting.reports;

import java.util.List;

/**
 * One row of a report: its cells in the column order of {@link #columns()}, the same for every row of the type. A total
 * row has no key (its first cells are null), which CSV writes as {@code TOTAL}.
 */
public interface ReportRow {

    List<String> columns();

    List<Object> cells();
}
