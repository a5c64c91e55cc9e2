package uk.sse.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * What differs between a stage's deployments: how hard the data is protected, how big things are, how long logs
 * live and when an alarm fires. Everything else is the same in dev and prod, so that dev tests what prod runs.
 */
public record StageConfig(
        String name,
        boolean protectData,
        RetentionDays logRetention,
        Map<String, Integer> memoryMb,
        int apiRateLimit,
        int apiBurstLimit,
        List<String> webOrigins,
        int streamRetries,
        Duration streamMaxRecordAge,
        Search search,
        Database database,
        int natGateways,
        Thresholds alarms) {

    /** The OpenSearch domain's size. */
    public record Search(
            String instanceType, int dataNodes, int volumeGb, boolean zoneAware, String masterType, int masterNodes) {}

    /** Aurora Serverless v2 capacity in ACUs (0 lets an idle dev cluster pause) and whether a reader runs beside the writer. */
    public record Database(double minAcu, double maxAcu, boolean reader, int backupDays) {}

    /** When alarms fire. */
    public record Thresholds(int functionErrors, Duration iteratorAge, int api5xx, Duration apiP99Latency) {}

    public static final int DEFAULT_MEMORY_MB = 1024;

    public static StageConfig named(String stage) {
        return switch (stage) {
            case "dev" -> DEV;
            case "prod" -> PROD;
            default ->
                throw new IllegalArgumentException("unknown stage '" + stage + "': use dev or prod (-c stage=dev)");
        };
    }

    public int memoryOf(String function) {
        return memoryMb.getOrDefault(function, DEFAULT_MEMORY_MB);
    }

    /** Deletion-protected and retained in prod; removable in dev so a stack can be torn down and rebuilt. */
    public RemovalPolicy removalPolicy() {
        return protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }

    /** A copy answering CORS for the given web client origins instead of the stage's defaults. */
    public StageConfig withWebOrigins(List<String> origins) {
        return new StageConfig(
                name,
                protectData,
                logRetention,
                memoryMb,
                apiRateLimit,
                apiBurstLimit,
                List.copyOf(origins),
                streamRetries,
                streamMaxRecordAge,
                search,
                database,
                natGateways,
                alarms);
    }

    static final StageConfig DEV = new StageConfig(
            "dev",
            false,
            RetentionDays.TWO_WEEKS,
            Map.of(
                    "directory",
                    1024,
                    "indexer",
                    1024,
                    "ledger",
                    1024,
                    "brokerage",
                    1024,
                    "notifier",
                    512,
                    "reporting",
                    1024,
                    "web",
                    1024),
            50,
            100,
            List.of("http://localhost:5173", "http://127.0.0.1:8080"),
            5,
            Duration.hours(6),
            new Search("t3.small.search", 1, 10, false, null, 0),
            new Database(0, 4, false, 1),
            1,
            new Thresholds(5, Duration.minutes(5), 10, Duration.seconds(5)));

    static final StageConfig PROD = new StageConfig(
            "prod",
            true,
            RetentionDays.SIX_MONTHS,
            Map.of(
                    "directory",
                    2048,
                    "indexer",
                    1536,
                    "ledger",
                    1536,
                    "brokerage",
                    1536,
                    "notifier",
                    1024,
                    "reporting",
                    1536,
                    "web",
                    1536),
            500,
            1000,
            List.of("https://app.schoolsupport.org.uk"),
            10,
            Duration.days(1),
            new Search("r7g.large.search", 2, 50, true, "m7g.large.search", 3),
            new Database(0.5, 16, true, 14),
            2,
            new Thresholds(1, Duration.minutes(1), 5, Duration.seconds(3)));
}
