package uk.sse.directory.imports;

import jakarta.inject.Singleton;

import java.io.PrintStream;
import java.time.Clock;

/**
 * Tells CloudWatch how each import ended, in the embedded metric format: a line of JSON on standard output that
 * Lambda's log agent turns into the metrics {@code SSE/Imports ImportsFailed} and {@code ImportsSucceeded} (by
 * kind), with no call to CloudWatch on the import's path. The CDK app alarms on the first.
 */
@Singleton
public class ImportMetrics {

    public static final String NAMESPACE = "SSE/Imports";
    public static final String FAILED = "ImportsFailed";
    public static final String SUCCEEDED = "ImportsSucceeded";

    private final Clock clock;
    private final PrintStream out;

    public ImportMetrics(Clock clock) {
        this(clock, System.out);
    }

    ImportMetrics(Clock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    public void ended(ImportJob job) {
        String metric = job.status() == ImportJob.Status.FAILED ? FAILED : SUCCEEDED;
        out.println("{\"_aws\":{\"Timestamp\":" + clock.millis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
                + "\",\"Dimensions\":[[\"Kind\"]],\"Metrics\":[{\"Name\":\"" + metric + "\",\"Unit\":\"Count\"}]}]},"
                + "\"Kind\":\"" + job.kind() + "\",\"" + metric + "\":1,\"importId\":\"" + job.id() + "\"}");
    }
}
