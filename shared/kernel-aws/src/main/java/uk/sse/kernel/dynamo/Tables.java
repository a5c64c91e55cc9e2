package uk.sse.kernel.dynamo;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The shape every function's own table has: string keys {@code pk}/{@code sk}, global indices named
 * {@code gsi1}, {@code gsi2}, ... keyed {@code gsiNpk}/{@code gsiNsk}, on-demand billing and a stream of new and
 * old images. Created here only where nobody else will (the local run and the tests); the CDK app makes them in AWS.
 */
public final class Tables {

    public static final String PK = "pk";
    public static final String SK = "sk";

    private Tables() {}

    public static String indexName(int n) {
        return "gsi" + n;
    }

    public static String indexPk(int n) {
        return indexName(n) + "pk";
    }

    public static String indexSk(int n) {
        return indexName(n) + "sk";
    }

    public static CreateTableRequest definition(String tableName, int indices) {
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(string(PK), string(SK)));
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (int n = 1; n <= indices; n++) {
            attributes.add(string(indexPk(n)));
            attributes.add(string(indexSk(n)));
            gsis.add(GlobalSecondaryIndex.builder()
                    .indexName(indexName(n))
                    .keySchema(hash(indexPk(n)), range(indexSk(n)))
                    .projection(p -> p.projectionType(ProjectionType.ALL))
                    .build());
        }
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(hash(PK), range(SK))
                .globalSecondaryIndexes(gsis)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .build();
    }

    public static void createIfAbsent(DynamoDbClient client, CreateTableRequest request) {
        try {
            client.createTable(request);
            client.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
        } catch (ResourceInUseException alreadyThere) {
            // created earlier or by a parallel start: either way it exists
        }
    }

    private static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder()
                .attributeName(attribute)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement hash(String attribute) {
        return KeySchemaElement.builder()
                .attributeName(attribute)
                .keyType(KeyType.HASH)
                .build();
    }

    private static KeySchemaElement range(String attribute) {
        return KeySchemaElement.builder()
                .attributeName(attribute)
                .keyType(KeyType.RANGE)
                .build();
    }
}
