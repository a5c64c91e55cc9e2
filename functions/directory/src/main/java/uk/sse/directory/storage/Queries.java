package uk.sse.directory.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.kernel.dynamo.Cursors;
import uk.sse.kernel.dynamo.Items;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs one page of an index query, with the caller's cursor in and the next cursor out. */
final class Queries {

    /** An optional filter on the items a query reads, e.g. only offers still within their review date. */
    record Filter(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        static final Filter NONE = null;
    }

    private Queries() { }

    /**
     * DynamoDB applies a filter after reading {@code Limit} items, so a filtered page can come back short or
     * empty; this reads on, asking each time for only what is still missing, until the page is full or the
     * index is exhausted. The cursor is the last item read, so the next page starts right after it.
     */
    static <T> Page<T> page(DynamoDbClient client, String table, String index, String pkName, String pkValue,
                            String skPrefix, Filter filter, PageRequest page, Function<Items, T> mapper) {
        String skName = DirectoryTable.GSI1.equals(index) ? DirectoryTable.GSI1_SK : DirectoryTable.GSI2_SK;
        Map<String, String> names = new HashMap<>(Map.of("#pk", pkName));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(pkValue)));
        String condition = "#pk = :pk";
        if (skPrefix != null) {
            condition += " AND begins_with(#sk, :prefix)";
            names.put("#sk", skName);
            values.put(":prefix", AttributeValue.fromS(skPrefix));
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index).keyConditionExpression(condition);
        if (filter != null) {
            names.putAll(filter.names());
            values.putAll(filter.values());
            query.filterExpression(filter.expression());
        }
        query.expressionAttributeNames(names).expressionAttributeValues(values);
        Map<String, AttributeValue> start = page.cursor() == null ? null : Cursors.decode(page.cursor())
                .orElseThrow(() -> new IllegalArgumentException("not a cursor of this listing"));
        List<T> items = new ArrayList<>();
        do {
            QueryResponse response = client.query(query.limit(page.limit() - items.size()).exclusiveStartKey(start).build());
            response.items().stream().map(Items::of).map(mapper).forEach(items::add);
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (items.size() < page.limit() && start != null);
        return new Page<>(items, Cursors.encode(start));
    }
}
