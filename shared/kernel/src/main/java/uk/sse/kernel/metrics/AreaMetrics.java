package uk.sse.kernel.metrics;

/**
 * Where a use case tells the metrics of one observation in an area: the port, in plain Java, that the kernel's
 * embedded-metric-format writer ({@code Metrics}, sse-kernel-http) implements.
 */
public interface AreaMetrics {

    /** The metrics of one observation in {@code area}: counted per area and over all areas. */
    void area(String area, Metric... metrics);
}
