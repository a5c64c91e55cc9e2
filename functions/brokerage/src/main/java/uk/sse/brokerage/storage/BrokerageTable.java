package uk.sse.brokerage.storage;

import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.brokerage.BrokerageSettings;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.dynamo.OwnTable;
import uk.sse.kernel.dynamo.Tables;

/**
 * The brokerage's own table. Keys:
 * <ul>
 *   <li>{@code REQUEST#id / REQUEST}: a request with its proposals, engagement, evaluation and history;
 *       gsi1 {@code QUEUE#area / <urgency rank>#<raised ms>#id} while it is not terminal (the broker's queue, in order);
 *       gsi2 {@code AREA#area / <raised ms>#id} and gsi3 {@code SCHOOL#urn / <raised ms>#id} always.</li>
 *   <li>{@code REQUEST#id / EVENT#<version>}: the event of each transition (docs/events.md), in the same transaction;
 *       {@code EVENT#<version>#HOLD_REFUSED} for an agreement the ledger refused, {@code EVENT#<version>#REPAIR#<repair>#<hold>}
 *       for a repair reconciliation made.</li>
 *   <li>{@code PROVIDER#id / REQUEST#id}: a request on which a proposal is addressed to that provider.</li>
 *   <li>{@code ENGAGEMENTS#HELD / REQUEST#id}: a request whose engagement's hold is HELD, for reconciliation.</li>
 *   <li>{@code TEXTS-EXPIRE#<day> / REQUEST#id}: a closed request whose texts expire that day, for retention
 *       (decision 0111).</li>
 *   <li>{@code IDEMPOTENCY#caller#key / KEY}: a claimed Idempotency-Key, kept a day ({@code expiresAt}, the TTL).</li>
 * </ul>
 */
@Singleton
public class BrokerageTable extends OwnTable {

    public static final String QUEUE_INDEX = Tables.indexName(1);
    public static final String AREA_INDEX = Tables.indexName(2);
    public static final String SCHOOL_INDEX = Tables.indexName(3);

    public BrokerageTable(DynamoDbClient client, AwsSettings aws, BrokerageSettings settings) {
        super(client, aws, settings.tableName(), 3);
    }
}
