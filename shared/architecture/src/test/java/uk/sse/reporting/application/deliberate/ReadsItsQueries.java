package uk.sse.reporting.application.deliberate;

/** The same kind of dependency as the named exception, from a class the exception does not name: still a violation. */
public record ReadsItsQueries(uk.sse.reporting.storage.ReportQueries queries) {}
