package uk.sse.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every string a table holds, for tests that look for what must not be there (an erased person, a secret). */
public final class TableStrings {

    private TableStrings() {}

    /** Every string anywhere in every item of the table (nested lists and maps, string sets) that {@code keeps} holds of. */
    public static List<String> of(DynamoDbClient dynamo, String table, Predicate<Map<String, AttributeValue>> keeps) {
        List<String> values = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .filter(keeps)
                .forEach(item -> item.values().forEach(v -> strings(v, values)));
        return values;
    }

    public static List<String> of(DynamoDbClient dynamo, String table) {
        return of(dynamo, table, item -> true);
    }

    private static void strings(AttributeValue v, List<String> into) {
        if (v.s() != null) into.add(v.s());
        if (v.hasSs()) into.addAll(v.ss());
        if (v.hasL()) v.l().forEach(x -> strings(x, into));
        if (v.hasM()) v.m().values().forEach(x -> strings(x, into));
    }
}
