package uk.sse.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSourceProps;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import uk.sse.infra.StageConfig;

/**
 * Feeds table streams to a consumer's alias. A failed record is answered in {@code batchItemFailures} and retried
 * alone ({@code ReportBatchItemFailures}); a failing batch is halved until the bad record is isolated; after a bounded
 * number of retries, or when too old, its description goes to a dead-letter queue instead of blocking the shard.
 * One shard is read by one invocation at a time (parallelisation 1), so a key's changes arrive in order.
 */
public class StreamConsumer extends Construct {

    public static final int BATCH_SIZE = 100;

    /** An insert whose new image's {@code entity} is {@code EVENT}: the shape of every event item. */
    static final Map<String, Object> EVENT_INSERTS = FilterCriteria.filter(Map.of(
            "eventName",
            FilterRule.isEqual("INSERT"),
            "dynamodb",
            Map.of("NewImage", Map.of("entity", Map.of("S", FilterRule.isEqual("EVENT"))))));

    private final Queue deadLetters;

    /** What a consumer is fed of its tables' streams. */
    public enum Feed {
        /** Every record: the consumer reads the tables' state. */
        ALL,
        /** Only the inserts of event items (docs/events.md): Lambda filters the rest out before invoking the consumer. */
        EVENTS
    }

    /** {@code sources}: name of the table's function to the table. */
    public StreamConsumer(
            Construct scope,
            String id,
            String name,
            SnapStartFunction consumer,
            Map<String, ITable> sources,
            Feed feed,
            StageConfig stage,
            Alarms alarms) {
        super(scope, id);
        deadLetters = Queue.Builder.create(this, "DeadLetters")
                .queueName("sse-" + stage.name() + "-" + name + "-dlq")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        sources.forEach((source, table) -> {
            var events = new DynamoEventSource(
                    table,
                    DynamoEventSourceProps.builder()
                            .startingPosition(StartingPosition.TRIM_HORIZON)
                            .batchSize(BATCH_SIZE)
                            .maxBatchingWindow(Duration.seconds(1))
                            .parallelizationFactor(1)
                            .reportBatchItemFailures(true)
                            .bisectBatchOnError(true)
                            .retryAttempts(stage.streamRetries())
                            .maxRecordAge(stage.streamMaxRecordAge())
                            .onFailure(new SqsDlq(deadLetters))
                            .filters(feed == Feed.EVENTS ? List.of(EVENT_INSERTS) : null)
                            .build());
            consumer.alias().addEventSource(events);
        });
        // Lambda reports the oldest record's age per function, over all its streams
        alarms.atLeast(
                this,
                name + "-iterator-age",
                name + " is behind its streams (" + String.join(", ", sources.keySet()) + ")",
                consumer.function()
                        .metric(
                                "IteratorAge",
                                MetricOptions.builder()
                                        .statistic("Maximum")
                                        .period(Duration.minutes(1))
                                        .build()),
                stage.alarms().iteratorAge().toMilliseconds().doubleValue());
        alarms.atLeast(
                this,
                name + "-dead-letters",
                "stream records " + name + " gave up on",
                deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(5))
                        .statistic("Maximum")
                        .build()),
                1);
    }

    public Queue deadLetters() {
        return deadLetters;
    }
}
