package uk.sse.ledger.storage;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.ledger.application.LedgerAreas;

/**
 * The areas with an issuing account, found by a scan of the accounts projected to their area. Run by the hourly
 * check, which reads every area's items anyway, so the scan adds at most as much again.
 */
@Singleton
public class DynamoLedgerAreas implements LedgerAreas {

    private final DynamoDbClient client;
    private final String table;

    public DynamoLedgerAreas(DynamoDbClient client, LedgerTable table) {
        this.client = client;
        this.table = table.name();
    }

    @Override
    public List<String> all() {
        TreeSet<String> areas = new TreeSet<>();
        Transactions.busyOnFault("read", () -> {
            client.scanPaginator(b -> b.tableName(table)
                            .projectionExpression("area")
                            .filterExpression("#type = :account AND issuing = :yes")
                            .expressionAttributeNames(Map.of("#type", "type"))
                            .expressionAttributeValues(Map.of(
                                    ":account",
                                    AttributeValue.fromS(LedgerItems.ACCOUNT),
                                    ":yes",
                                    AttributeValue.fromBool(true))))
                    .items()
                    .forEach(item -> areas.add(item.get("area").s()));
            return areas;
        });
        return List.copyOf(areas);
    }
}
