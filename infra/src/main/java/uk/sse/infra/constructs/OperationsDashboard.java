package uk.sse.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;

/**
 * {@code sse-<stage>-operations}: what the functions' embedded-metric-format lines say, per area where they are per
 * area (a search expression over the {@code Area} dimension, so a new area appears without a deploy), and the
 * ledger's hourly check. The metrics are described in docs/operations.md.
 */
public class OperationsDashboard extends Construct {

    static final String NAMESPACE = "SSE";
    static final Duration HOUR = Duration.hours(1);

    public OperationsDashboard(Construct scope, String id, String stage) {
        super(scope, id);
        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName("sse-" + stage + "-operations")
                .defaultInterval(Duration.days(7))
                .widgets(List.of(
                        List.of(TextWidget.Builder.create()
                                .width(24)
                                .height(2)
                                .markdown(
                                        "# School Support Exchange, " + stage
                                                + "\nPer area: one line each. What each metric means and what to do for each alarm: docs/operations.md.")
                                .build()),
                        List.of(
                                graph("Requests raised, per area (hourly)", perArea("RequestsRaised", "Sum")),
                                graph("Holds placed, per area (hourly)", perArea("HoldsPlaced", "Sum")),
                                graph(
                                        "Time to broker (seconds, raise to first proposal)",
                                        List.of(overall("TimeToBroker", "p50"), overall("TimeToBroker", "p90")))),
                        List.of(
                                graph(
                                        "Share of requests search found nothing for",
                                        List.of(overall("RaisedWithoutMatch", "Average"))),
                                graph("Webhook failures, per area (hourly)", perArea("WebhookFailures", "Sum")),
                                graph(
                                        "Webhook endpoints disabled (hourly)",
                                        List.of(overall("WebhooksDisabled", "Sum")))),
                        List.of(
                                graph(
                                        "Ledger invariant violations (hourly check)",
                                        List.of(LedgerCheck.violations("Maximum"))),
                                graph("Ledger checks run", List.of(LedgerCheck.violations("SampleCount"))),
                                graph(
                                        "Register imports",
                                        List.of(
                                                Metric.Builder.create()
                                                        .namespace("SSE/Imports")
                                                        .metricName("ImportsSucceeded")
                                                        .dimensionsMap(Map.of("Kind", "schools"))
                                                        .statistic("Sum")
                                                        .period(HOUR)
                                                        .build(),
                                                Metric.Builder.create()
                                                        .namespace("SSE/Imports")
                                                        .metricName("ImportsFailed")
                                                        .dimensionsMap(Map.of("Kind", "schools"))
                                                        .statistic("Sum")
                                                        .period(HOUR)
                                                        .build())))))
                .build();
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .width(8)
                .height(6)
                .left(List.copyOf(metrics))
                .build();
    }

    /** One line per area that has reported {@code metric}. */
    private static List<IMetric> perArea(String metric, String statistic) {
        return List.of(MathExpression.Builder.create()
                .expression(
                        "SEARCH('{" + NAMESPACE + ",Area} MetricName=\"" + metric + "\"', '" + statistic + "', 3600)")
                .usingMetrics(Map.of())
                .label(metric)
                .period(HOUR)
                .build());
    }

    private static Metric overall(String metric, String statistic) {
        return Metric.Builder.create()
                .namespace(NAMESPACE)
                .metricName(metric)
                .statistic(statistic)
                .period(HOUR)
                .build();
    }
}
