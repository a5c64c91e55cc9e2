package uk.sse.kernel.dynamo;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Creates a function's table where nobody else will (the local run and the tests). */
public final class Tables {

    private Tables() { }

    public static void createIfAbsent(DynamoDbClient client, CreateTableRequest request) {
        try {
            client.createTable(request);
            client.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
        } catch (ResourceInUseException alreadyThere) {
            // created earlier or by a parallel start: either way it exists
        }
    }
}
