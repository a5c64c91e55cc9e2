package uk.sse.directory.storage;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.directory.application.PersonalRecords;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.events.EventLog;

/**
 * A person's part in offers and providers, rewritten in place in the directory table (decision 0104). The current
 * offer item keeps its version and quality signals, so the search index (whose documents hold no contact, subject or
 * reason: {@code OfferDocuments}) refuses the stream's MODIFY as no newer, and the read model takes only new versions.
 */
@Singleton
public class DynamoPersonalRecords implements PersonalRecords {

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
        return EventLog.read(client, table, OfferItems.pk(offerId), json, LoggedEvent::new);
    }

    @Override
    public boolean rewrite(Offer current, List<Offer> versions, List<LoggedEvent> events) {
        List<TransactWriteItem> writes = new ArrayList<>();
        versions.forEach(
                v -> writes.add(EventLog.replace(table, OfferItems.version(v).build())));
        events.forEach(e -> writes.add(EventLog.replace(table, OfferItems.pk(current.id()), e.key(), e.event(), json)));
        return EventLog.rewrite(
                client,
                writes,
                TransactWriteItem.builder()
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
    }

    @Override
    public List<LoggedEvent> providerEvents(String providerId) {
        return EventLog.read(client, table, ProviderItems.pk(providerId), json, LoggedEvent::new);
    }

    @Override
    public boolean rewrite(Provider rewritten, List<LoggedEvent> events) {
        List<TransactWriteItem> writes = new ArrayList<>();
        events.forEach(
                e -> writes.add(EventLog.replace(table, ProviderItems.pk(rewritten.id()), e.key(), e.event(), json)));
        return EventLog.rewrite(
                client,
                writes,
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(ProviderItems.item(rewritten).build())
                                .conditionExpression("version = :v")
                                .expressionAttributeValues(
                                        Map.of(":v", AttributeValue.fromN(Long.toString(rewritten.version()))))
                                .build())
                        .build());
    }
}
