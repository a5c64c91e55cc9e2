package uk.sse.kernel.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/** Runs one page of a query of a table's index ({@link Tables}' shape), with the caller's cursor in and the next cursor out. */
public final class IndexQueries {

    /** An optional filter on the items a query reads, e.g. only offers still within their review date. */
    public record Filter(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        public static final Filter NONE = null;
    }

    private IndexQueries() {}

    /**
     * DynamoDB applies a filter after reading {@code Limit} items, so a filtered page can come back short or
     * empty; this reads on, asking each time for only what is still missing, until the page is full or the
     * index is exhausted. The cursor is the last item read, so the next page starts right after it.
     */
    public static <T> Page<T> page(
            DynamoDbClient client,
            String table,
            String index,
            String pkValue,
            String skPrefix,
            Filter filter,
            PageRequest page,
            Function<Items, T> mapper) {
        return page(client, table, index, pkValue, skPrefix, filter, true, page, mapper);
    }

    /** As {@link #page}, in the index's sort order ({@code forward}) or the reverse. */
    public static <T> Page<T> page(
            DynamoDbClient client,
            String table,
            String index,
            String pkValue,
            String skPrefix,
            Filter filter,
            boolean forward,
            PageRequest page,
            Function<Items, T> mapper) {
        String pkName = index + "pk";
        String skName = index + "sk";
        Map<String, String> names = new HashMap<>(Map.of("#pk", pkName));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(pkValue)));
        String condition = "#pk = :pk";
        if (skPrefix != null) {
            condition += " AND begins_with(#sk, :prefix)";
            names.put("#sk", skName);
            values.put(":prefix", AttributeValue.fromS(skPrefix));
        }
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression(condition)
                .scanIndexForward(forward);
        if (filter != null) {
            names.putAll(filter.names());
            values.putAll(filter.values());
            query.filterExpression(filter.expression());
        }
        query.expressionAttributeNames(names).expressionAttributeValues(values);
        // a page starts after an item of this index's partition (and prefix), or the cursor is not this listing's
        Map<String, AttributeValue> start = Cursors.startOf(
                page.cursor(),
                java.util.Set.of(Tables.PK, Tables.SK, pkName, skName),
                key -> pkValue.equals(key.get(pkName).s())
                        && (skPrefix == null || key.get(skName).s().startsWith(skPrefix)));
        List<T> items = new ArrayList<>();
        do {
            QueryRequest request = query.limit(page.limit() - items.size())
                    .exclusiveStartKey(start)
                    .build();
            QueryResponse response = Transactions.busyOnFault("listing", () -> client.query(request));
            response.items().stream().map(Items::of).map(mapper).forEach(items::add);
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (items.size() < page.limit() && start != null);
        return new Page<>(items, Cursors.encode(start));
    }
}
