package uk.sse.ledger.storage;

import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.dynamo.OwnTable;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.ledger.LedgerSettings;

/**
 * The ledger's own table. Keys:
 * <ul>
 *   <li>{@code ACCOUNT#area/owner / ACCOUNT}: an account's totals and version; gsi1 {@code AREA#area / ACCOUNT#owner}.</li>
 *   <li>{@code ACCOUNT#area/owner / ENTRY#<version>}: one posted movement, numbered by the account version it made,
 *       so a statement is one query of the account's partition, newest first; gsi1 {@code AREA#area / ENTRY#account#version}.</li>
 *   <li>{@code TRANSFER#id / TRANSFER}: a transfer or hold; gsi1 {@code AREA#area / TRANSFER#id}; while a hold with a
 *       timeout is pending, gsi2 {@code HOLDS_DUE / <timeout ms>#id} is where the sweeper finds it.</li>
 * </ul>
 * The stream carries new and old images for the reporting read model.
 */
@Singleton
public class LedgerTable extends OwnTable {

    public static final String AREA_INDEX = Tables.indexName(1);
    public static final String DUE_INDEX = Tables.indexName(2);

    public LedgerTable(DynamoDbClient client, AwsSettings aws, LedgerSettings settings) {
        super(client, aws, settings.tableName(), 2);
    }
}
