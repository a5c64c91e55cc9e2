package uk.sse.directory.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import uk.sse.directory.application.Page;
import uk.sse.directory.application.PageRequest;
import uk.sse.kernel.dynamo.Cursors;
import uk.sse.kernel.dynamo.Items;

import java.util.Map;
import java.util.function.Function;

/** Runs one page of an index query, with the caller's cursor in and the next cursor out. */
final class Queries {

    private Queries() { }

    static <T> Page<T> page(DynamoDbClient client, String table, String index, String pkName, String pkValue,
                            String skPrefix, PageRequest page, Function<Items, T> mapper) {
        String skName = DirectoryTable.GSI1.equals(index) ? DirectoryTable.GSI1_SK : DirectoryTable.GSI2_SK;
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index).limit(page.limit());
        if (skPrefix == null) {
            query.keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", pkName))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pkValue)));
        } else {
            query.keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", pkName, "#sk", skName))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pkValue), ":prefix", AttributeValue.fromS(skPrefix)));
        }
        if (page.cursor() != null) {
            query.exclusiveStartKey(Cursors.decode(page.cursor())
                    .orElseThrow(() -> new IllegalArgumentException("not a cursor of this listing")));
        }
        QueryResponse response = client.query(query.build());
        return new Page<>(response.items().stream().map(Items::of).map(mapper).toList(),
                response.hasLastEvaluatedKey() ? Cursors.encode(response.lastEvaluatedKey()) : null);
    }
}
