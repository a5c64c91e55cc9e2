package uk.sse.reporting.application;

import uk.sse.reporting.model.ReportPeriod;

/** An area the caller may report on and a valid period: what the queries run over. */
public record ReportScope(String area, ReportPeriod period) {}
