package uk.sse.infra.constructs;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * The credit schemes' daily job gives the term it runs in, so a term in which no run completes is a term whose
 * entitlement no school gets (decision 0083). Each completed run reports {@value #COMPLETED} 1; three days without one
 * pages someone (missing data breaches), weeks before a term could pass unseen (docs/operations.md, Credit entitlements).
 */
public class EntitlementsAlarm extends Construct {

    public static final String COMPLETED = "EntitlementRunsCompleted";
    public static final Duration DAY = Duration.days(1);
    public static final int DAYS = 3;

    public EntitlementsAlarm(Construct scope, String id, String stage, Alarms alarms) {
        super(scope, id);
        alarms.notify(Alarm.Builder.create(this, "NotRun")
                .alarmName("sse-" + stage + "-ledger-entitlements-not-run")
                .alarmDescription(
                        "no run of the credit schemes' job has completed for " + DAYS
                                + " days: a term passing without one gives no school its entitlement (docs/operations.md, Credit entitlements)")
                .metric(Metric.Builder.create()
                        .namespace(LedgerCheck.NAMESPACE)
                        .metricName(COMPLETED)
                        .statistic("Sum")
                        .period(DAY)
                        .build())
                .threshold(1)
                .evaluationPeriods(DAYS)
                .datapointsToAlarm(DAYS)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.BREACHING)
                .build());
    }
}
