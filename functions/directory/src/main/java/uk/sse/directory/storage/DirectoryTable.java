package uk.sse.directory.storage;

import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.dynamo.OwnTable;
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
public class DirectoryTable extends OwnTable {

    public static final String PK = Tables.PK;
    public static final String SK = Tables.SK;
    public static final String GSI1 = Tables.indexName(1);
    public static final String GSI1_PK = Tables.indexPk(1);
    public static final String GSI1_SK = Tables.indexSk(1);
    public static final String GSI2 = Tables.indexName(2);
    public static final String GSI2_PK = Tables.indexPk(2);
    public static final String GSI2_SK = Tables.indexSk(2);

    public DirectoryTable(DynamoDbClient client, AwsSettings aws, DirectorySettings settings) {
        super(client, aws, settings.tableName(), 2);
    }

    public static CreateTableRequest definition(String tableName) {
        return Tables.definition(tableName, 2);
    }
}
