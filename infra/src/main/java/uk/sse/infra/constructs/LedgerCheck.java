package uk.sse.infra.constructs;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * The ledger's invariant check over every area, hourly (EventBridge Scheduler, through {@link Sweeper}'s input), and
 * its two alarms: violations found by two checks in a row (one can be a transfer landing while the check pages through
 * an area), and the check not having reported for three hours (a check that cannot run checks nothing).
 */
public class LedgerCheck extends Construct {

    public static final String NAMESPACE = "SSE";
    public static final String VIOLATIONS = "LedgerInvariantViolations";
    public static final Duration EVERY = Duration.hours(1);

    public LedgerCheck(Construct scope, String id, SnapStartFunction check, String stage, Alarms alarms) {
        super(scope, id);
        new Sweeper(this, "Schedule", "ledger-check", check, EVERY, stage);
        alarms.notify(Alarm.Builder.create(this, "Violations")
                .alarmName("sse-" + stage + "-ledger-invariant-violations")
                .alarmDescription(
                        "two ledger checks in a row found an invariant broken (docs/operations.md, Read the alarms)")
                .metric(violations("Maximum"))
                .threshold(1)
                .evaluationPeriods(2)
                .datapointsToAlarm(2)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
        alarms.notify(Alarm.Builder.create(this, "NotRun")
                .alarmName("sse-" + stage + "-ledger-check-not-run")
                .alarmDescription("the hourly ledger check has not reported for three hours")
                .metric(violations("SampleCount"))
                .threshold(1)
                .evaluationPeriods(3)
                .datapointsToAlarm(3)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.BREACHING)
                .build());
    }

    /** The violations over all areas (the metric without dimensions), hourly. */
    public static Metric violations(String statistic) {
        return Metric.Builder.create()
                .namespace(NAMESPACE)
                .metricName(VIOLATIONS)
                .statistic(statistic)
                .period(EVERY)
                .build();
    }
}
