package uk.sse.ledger.storage;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import uk.sse.contracts.ledger.LedgerEvent;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.kernel.events.EventJson;
import uk.sse.ledger.model.LedgerEvents;

/**
 * Publishes the events of accounts and transfers made before the ledger published events (decision 0096): for every
 * account its opening (at the time of this run: accounts keep no opening time), for every transfer its creation and
 * resolution as {@link LedgerEvents#history} tells them. Each event is put only if its item is absent, so a run may be
 * repeated or interrupted, and events already published stay as they were.
 */
@Singleton
public class LedgerHistory {

    private final DynamoDbClient client;
    private final String table;
    private final EventJson json;
    private final Clock clock;

    public LedgerHistory(DynamoDbClient client, LedgerTable table, EventJson json, Clock clock) {
        this.client = client;
        this.table = table.name();
        this.json = json;
        this.clock = clock;
    }

    /** What a run found and published. */
    public record Published(long accounts, long transfers, long published) {}

    public Published publish() {
        Instant now = clock.instant();
        long accounts = 0;
        long transfers = 0;
        long published = 0;
        var pages = client.scanPaginator(b -> b.tableName(table)
                .consistentRead(true)
                .filterExpression("#sk IN (:account, :transfer)")
                .expressionAttributeNames(Map.of("#sk", "sk"))
                .expressionAttributeValues(Map.of(
                        ":account",
                        AttributeValue.fromS(LedgerItems.ACCOUNT),
                        ":transfer",
                        AttributeValue.fromS(LedgerItems.TRANSFER))));
        for (ScanResponse page : pages) {
            for (Map<String, AttributeValue> item : page.items()) {
                List<LedgerEvent> events;
                if (LedgerItems.ACCOUNT.equals(item.get("sk").s())) {
                    accounts++;
                    events = List.of(LedgerEvents.opened(LedgerItems.account(item), now));
                } else {
                    transfers++;
                    events = LedgerEvents.history(LedgerItems.transfer(item));
                }
                for (LedgerEvent e : events) {
                    published += putIfAbsent(LedgerItems.item(e, json)) ? 1 : 0;
                }
            }
        }
        return new Published(accounts, transfers, published);
    }

    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            Transactions.busyOnFault(
                    "publish",
                    () -> client.putItem(
                            b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")));
            return true;
        } catch (ConditionalCheckFailedException published) {
            return false;
        }
    }
}
