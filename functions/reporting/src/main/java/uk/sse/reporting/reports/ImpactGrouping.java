package uk.sse.reporting.reports;

/** Ratings by area of support or by provider. */
public enum ImpactGrouping {
    AREA,
    PROVIDER
}
