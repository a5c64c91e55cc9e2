package uk.sse.reporting.application;

import java.time.LocalDate;

/** What every report is asked for: an area (the caller's own when null) and a period of dates, both included. */
public record ReportAsk(String area, LocalDate from, LocalDate to) {}
