package uk.sse.directory.imports;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import uk.sse.kernel.metrics.Metric;
import uk.sse.kernel.metrics.Metrics;

/**
 * Tells CloudWatch how each import ended, in the embedded metric format (the kernel's {@link Metrics}): the metrics
 * {@code SSE/Imports ImportsFailed} and {@code ImportsSucceeded} by kind, with no call to CloudWatch on the import's
 * path. The CDK app alarms on the first.
 */
@Singleton
public class ImportMetrics {

    public static final String NAMESPACE = "SSE/Imports";
    public static final String FAILED = "ImportsFailed";
    public static final String SUCCEEDED = "ImportsSucceeded";

    private final Metrics metrics;

    public ImportMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    public void ended(ImportJob job) {
        String metric = job.status() == ImportJob.Status.FAILED ? FAILED : SUCCEEDED;
        metrics.put(
                NAMESPACE,
                Map.of("Kind", job.kind()),
                false,
                List.of(Metric.count(metric)),
                Map.of("importId", job.id()));
    }
}
