package uk.sse.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import uk.sse.infra.StageConfig;

/**
 * The school register's imports (decision 0061): a private, encrypted bucket of import files that forgets them after
 * 30 days; the import function, which S3 invokes when a file arrives ({@code uploads/} from the registrar's presigned
 * PUT, {@code scheduled/} from the daily fetch), with 15 minutes, a disk for the file, Lambda's two retries and a
 * dead-letter queue; the daily fetch on EventBridge Scheduler (06:30, England's time), run as the service itself;
 * the least each needs of the bucket; and alarms on a failed import, a dead letter and the functions' errors.
 */
public class RegisterImports extends Construct {

    /** GIAS publishes the day's full establishment file here; {@code {date}} is yyyyMMdd. */
    public static final String GIAS_DAILY_URL =
            "https://ea-edubase-api-prod.azurewebsites.net/edubase/downloads/public/edubasealldata{date}.csv";

    public static final Duration IMPORT_TIMEOUT = Duration.minutes(15);
    public static final Duration FETCH_TIMEOUT = Duration.minutes(10);
    public static final int DISK_MB = 2048;
    public static final int KEPT_DAYS = 30;

    private final Bucket bucket;

    /**
     * @param api       the directory API's function: it presigns uploads, so it may put {@code uploads/*} and nothing else
     * @param arrivals  the import function ({@code ImportArrivals})
     * @param fetch     the daily fetch ({@code FetchDailyRegister})
     */
    public RegisterImports(
            Construct scope,
            String id,
            StageConfig stage,
            Alarms alarms,
            SnapStartFunction api,
            SnapStartFunction arrivals,
            SnapStartFunction fetch) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Files")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .versioned(false)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("forget-import-files")
                        .expiration(Duration.days(KEPT_DAYS))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
                // the registrar's browser PUTs the file straight to S3 from the web application's origins
                .cors(List.of(CorsRule.builder()
                        .allowedMethods(List.of(HttpMethods.PUT))
                        .allowedOrigins(stage.webOrigins())
                        .allowedHeaders(List.of("content-type"))
                        .maxAge(3000)
                        .build()))
                .removalPolicy(stage.removalPolicy())
                .build();

        // exactly the object actions each needs (CDK's grants add listing, tagging and legal holds)
        allow(api, "s3:PutObject", "uploads/*");
        allow(arrivals, "s3:GetObject", "uploads/*", "scheduled/*");
        allow(fetch, "s3:PutObject", "scheduled/*");
        for (SnapStartFunction f : List.of(api, arrivals, fetch)) {
            f.function().addEnvironment("SSE_IMPORTS_BUCKET", bucket.getBucketName());
        }
        fetch.function().addEnvironment("SSE_IMPORTS_DAILY_URL", GIAS_DAILY_URL);
        for (SnapStartFunction f : List.of(arrivals, fetch)) {
            ((CfnFunction) f.function().getNode().getDefaultChild())
                    .setEphemeralStorage(CfnFunction.EphemeralStorageProperty.builder()
                            .size(DISK_MB)
                            .build());
        }

        // S3 invokes the import function asynchronously: Lambda retries a failed run twice, then dead-letters the event
        Queue deadLetters = Queue.Builder.create(this, "DeadLetters")
                .queueName("sse-" + stage.name() + "-register-imports-dlq")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        arrivals.alias()
                .configureAsyncInvoke(EventInvokeConfigOptions.builder()
                        .retryAttempts(2)
                        .maxEventAge(Duration.hours(6))
                        .onFailure(new SqsDestination(deadLetters))
                        .build());
        for (String prefix : List.of("uploads/", "scheduled/")) {
            bucket.addEventNotification(
                    EventType.OBJECT_CREATED,
                    new LambdaDestination(arrivals.alias()),
                    NotificationKeyFilter.builder().prefix(prefix).build());
        }

        Schedule.Builder.create(this, "Daily")
                .scheduleName("sse-" + stage.name() + "-register-daily-fetch")
                .description("fetches the day's GIAS establishment file into the register's import bucket")
                .schedule(ScheduleExpression.cron(
                        software.amazon.awscdk.services.scheduler.CronOptionsWithTimezone.builder()
                                .minute("30")
                                .hour("6")
                                .timeZone(TimeZone.EUROPE_LONDON)
                                .build()))
                .target(new LambdaInvoke(
                        fetch.alias(),
                        ScheduleTargetBaseProps.builder()
                                .input(ScheduleTargetInput.fromObject(Map.of(
                                        "source",
                                        "uk.sse.scheduler",
                                        "detail-type",
                                        "Scheduled Event",
                                        "detail",
                                        Map.of())))
                                .retryAttempts(2)
                                .maxEventAge(Duration.hours(2))
                                .build()))
                .build();

        alarms.atLeast(
                this,
                "register-import-failed",
                "an import of the school register failed (its job says why)",
                importsFailed("schools"),
                1);
        alarms.atLeast(
                this,
                "postcode-import-failed",
                "an import of the postcode directory failed (its job says why)",
                importsFailed("postcodes"),
                1);
        alarms.atLeast(
                this,
                "register-import-dead-letters",
                "an import was given up after Lambda's retries",
                deadLetters.metricApproximateNumberOfMessagesVisible(),
                1);
    }

    /** Imports of a kind of file (the import jobs' {@code FileImport}) that ended FAILED, each hour. */
    private static Metric importsFailed(String kind) {
        return Metric.Builder.create()
                .namespace("SSE/Imports")
                .metricName("ImportsFailed")
                .dimensionsMap(Map.of("Kind", kind))
                .statistic("Sum")
                .period(Duration.hours(1))
                .build();
    }

    private void allow(SnapStartFunction f, String action, String... prefixes) {
        f.function()
                .addToRolePolicy(PolicyStatement.Builder.create()
                        .actions(List.of(action))
                        .resources(java.util.Arrays.stream(prefixes)
                                .map(bucket::arnForObjects)
                                .toList())
                        .build());
    }

    public Bucket bucket() {
        return bucket;
    }
}
