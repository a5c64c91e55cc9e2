package uk.sse.testing;

import java.util.Map;
import java.util.UUID;

/** Configuration that points a function at the embedded DynamoDB with a table of the test class's own. */
public final class TableProperties {

    private TableProperties() {}

    /** {@code tableNameProperty} gets a fresh name starting with {@code prefix} and the test class's name. */
    public static Map<String, String> fresh(
            String dynamoEndpoint, String tableNameProperty, String prefix, Class<?> testClass) {
        return Map.of(
                "sse.aws.endpoint",
                dynamoEndpoint,
                "sse.aws.create-tables",
                "true",
                tableNameProperty,
                prefix + "-" + testClass.getSimpleName() + "-"
                        + UUID.randomUUID().toString().substring(0, 8));
    }
}
