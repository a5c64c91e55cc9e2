package uk.sse.infra.constructs;

import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/** One topic every alarm notifies (and clears to), so on-call subscribes once. */
public class Alarms extends Construct {

    private final Topic topic;
    private final String stage;

    public Alarms(Construct scope, String id, String stage, String email) {
        super(scope, id);
        this.stage = stage;
        topic = Topic.Builder.create(this, "Topic")
                .topicName("sse-" + stage + "-alarms")
                .enforceSsl(true)
                .build();
        if (email != null && !email.isBlank()) {
            topic.addSubscription(new EmailSubscription(email));
        }
    }

    public Topic topic() {
        return topic;
    }

    /**
     * An alarm named {@code sse-<stage>-<name>} when {@code metric} reaches {@code threshold} in one period; no data
     * is fine (nothing happened).
     */
    public Alarm atLeast(Construct scope, String name, String description, IMetric metric, double threshold) {
        Alarm alarm = Alarm.Builder.create(scope, name)
                .alarmName("sse-" + stage + "-" + name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        return notify(alarm);
    }

    /** {@code alarm}, made to notify the topic when it fires and when it clears. */
    public Alarm notify(Alarm alarm) {
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        return alarm;
    }
}
