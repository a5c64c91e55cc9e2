package uk.sse.reporting.reports;

/** Areas of support as the taxonomy's detailed codes, or rolled up to their top-level areas (Ofsted's). */
public enum AreaLevel {
    DETAILED,
    TOP
}
