package uk.sse.directory.storage;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.directory.application.PersonalRecords;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;

/**
 * A person's part in offers and providers, rewritten in place in the directory table (decision 0104). The current
 * offer item keeps its version and quality signals, so the search index (whose documents hold no contact, subject or
 * reason: {@code OfferDocuments}) refuses the stream's MODIFY as no newer, and the read model takes only new versions.
 */
@Singleton
public class DynamoPersonalRecords implements PersonalRecords {

    /** A transaction's limit is 100 items: versions and events go in batches before the last, which holds the offer. */
    private static final int BATCH = 99;

    private final DynamoDbClient client;
    private final String table;
    private final EventJson json;

    public DynamoPersonalRecords(DynamoDbClient client, DirectoryTable table, EventJson json) {
        this.client = client;
        this.table = table.name();
        this.json = json;
    }

    @Override
    public List<LoggedEvent> events(String offerId) {
        List<LoggedEvent> events = new ArrayList<>();
        Transactions.busyOnFault("read", () -> {
            client.queryPaginator(b -> b.tableName(table)
                            .consistentRead(true)
                            .keyConditionExpression("pk = :pk AND begins_with(sk, :events)")
                            .expressionAttributeValues(Map.of(
                                    ":pk",
                                    AttributeValue.fromS(OfferItems.pk(offerId)),
                                    ":events",
                                    AttributeValue.fromS("EVENT#"))))
                    .items()
                    .forEach(item -> json.read(EventItems.envelopeOf(item))
                            .ifPresent(e -> events.add(
                                    new LoggedEvent(item.get(DirectoryTable.SK).s(), e))));
            return events;
        });
        return events;
    }

    @Override
    public boolean rewrite(Offer current, List<Offer> versions, List<LoggedEvent> events) {
        List<TransactWriteItem> writes = new ArrayList<>();
        versions.forEach(v -> writes.add(existing(OfferItems.version(v).build())));
        events.forEach(e -> writes.add(
                existing(EventItems.item(OfferItems.pk(current.id()), e.key(), e.event(), json.write(e.event())))));
        // whole batches first: an erasure is idempotent, so a batch written before a refusal is no harm
        while (writes.size() >= BATCH + 1) {
            List<TransactWriteItem> batch = new ArrayList<>(writes.subList(0, BATCH));
            writes.subList(0, BATCH).clear();
            Transactions.writeIfConditionsHold(client, batch);
        }
        writes.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(OfferItems.current(current).build())
                        .conditionExpression("version = :v AND (" + OfferItems.SIGNALS_REVISION + " = :r"
                                + (current.signals().revision() == 0
                                        ? " OR attribute_not_exists(" + OfferItems.SIGNALS_REVISION + "))"
                                        : ")"))
                        .expressionAttributeValues(Map.of(
                                ":v",
                                AttributeValue.fromN(Long.toString(current.version())),
                                ":r",
                                AttributeValue.fromN(
                                        Long.toString(current.signals().revision()))))
                        .build())
                .build());
        return Transactions.writeIfConditionsHold(client, writes);
    }

    @Override
    public boolean rewrite(Provider rewritten) {
        try {
            client.putItem(b -> b.tableName(table)
                    .item(ProviderItems.item(rewritten).build())
                    .conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(rewritten.version())))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    private TransactWriteItem existing(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("attribute_exists(pk)")
                        .build())
                .build();
    }
}
