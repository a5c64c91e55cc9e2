package uk.sse.reporting.reports;

/** Providers one by one, or by provider type (school, local authority service, hub, trust, consultant, charity). */
public enum ProviderGrouping {
    PROVIDER,
    TYPE
}
