package uk.sse.directory.storage;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.dynamo.Tables;

/**
 * The directory's single table. Keys:
 * <ul>
 *   <li>{@code PROVIDER#id / PROFILE}: a provider; gsi2 {@code PROVIDERS#area / name#id} lists an area's.</li>
 *   <li>{@code OFFER#id / CURRENT}: an offer; gsi1 {@code PROVIDER#id / OFFER#id} lists a provider's, gsi2
 *       {@code OFFERSTATUS#status / area#updatedAt#id} lists by status within an area (the assurance queue).</li>
 *   <li>{@code OFFER#id / V#0000000001}: each stored version of the offer.</li>
 *   <li>{@code SCHOOL#urn / PROFILE}: a register entry; gsi1 {@code SCHOOLNAME#initial / name#urn} and gsi2
 *       {@code LA#code / name#urn} find schools by the start of their name.</li>
 * </ul>
 * The stream carries new and old images for the indexer.
 */
@Singleton
public class DirectoryTable implements ApplicationEventListener<StartupEvent> {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String GSI2 = "gsi2";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";

    private final DynamoDbClient client;
    private final AwsSettings aws;
    private final String name;

    public DirectoryTable(DynamoDbClient client, AwsSettings aws, DirectorySettings settings) {
        this.client = client;
        this.aws = aws;
        this.name = settings.tableName();
    }

    public String name() {
        return name;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (aws.shouldCreateTables()) {
            Tables.createIfAbsent(client, definition(name));
        }
    }

    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(PK), string(SK), string(GSI1_PK), string(GSI1_SK), string(GSI2_PK), string(GSI2_SK))
                .keySchema(hash(PK), range(SK))
                .globalSecondaryIndexes(index(GSI1, GSI1_PK, GSI1_SK), index(GSI2, GSI2_PK, GSI2_SK))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .build();
    }

    private static GlobalSecondaryIndex index(String index, String pk, String sk) {
        return GlobalSecondaryIndex.builder().indexName(index).keySchema(hash(pk), range(sk))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    private static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.RANGE).build();
    }
}
