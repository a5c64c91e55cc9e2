package uk.sse.directory.storage;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import uk.sse.contracts.directory.DirectoryEvent.OfferChanged;
import uk.sse.directory.application.OfferStore;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferEvents;
import uk.sse.directory.model.OfferStatus;
import uk.sse.kernel.dynamo.IdempotencyItems;
import uk.sse.kernel.dynamo.IndexQueries;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.idempotency.PriorRequest;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/**
 * Offers in the directory table: the current item, a copy per version and the version's event
 * ({@link OfferEvents}), written in one transaction.
 */
@Singleton
public class DynamoOfferStore implements OfferStore {

    private final DynamoDbClient client;
    private final String table;
    private final EventJson events;

    public DynamoOfferStore(DynamoDbClient client, DirectoryTable table, EventJson events) {
        this.client = client;
        this.table = table.name();
        this.events = events;
    }

    @Override
    public Optional<Offer> find(String id) {
        var item = client.getItem(b -> b.tableName(table)
                .consistentRead(true)
                .key(Map.of(
                        DirectoryTable.PK, AttributeValue.fromS(OfferItems.pk(id)),
                        DirectoryTable.SK, AttributeValue.fromS(OfferItems.CURRENT))));
        return item.hasItem() && !item.item().isEmpty()
                ? Optional.of(OfferItems.offer(Items.of(item.item())))
                : Optional.empty();
    }

    @Override
    public boolean create(Offer offer, IdempotencyKey key) {
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                put(OfferItems.current(offer), "attribute_not_exists(pk)", Map.of()),
                put(OfferItems.version(offer), "attribute_not_exists(pk)", Map.of()),
                event(offer)));
        if (key != null) {
            writes.add(IdempotencyItems.claim(table, key, offer.id(), offer.createdAt()));
        }
        // ids are 80 random bits: a failed condition here is the key, claimed by a concurrent retry
        return Transactions.writeIfConditionsHold(client, writes);
    }

    @Override
    public Optional<PriorRequest> priorRequest(IdempotencyKey key) {
        return IdempotencyItems.find(client, table, key);
    }

    /**
     * The new version is written on condition that the stored one is still {@code expectedVersion} and its quality
     * signals still those the new version carries: an outcome recorded in between must not be written over.
     */
    @Override
    public boolean update(Offer offer, long expectedVersion) {
        String condition = "version = :expected AND (" + OfferItems.SIGNALS_REVISION + " = :revision"
                + (offer.signals().revision() == 0
                        ? " OR attribute_not_exists(" + OfferItems.SIGNALS_REVISION + "))"
                        : ")");
        return Transactions.writeIfConditionsHold(
                client,
                List.of(
                        put(
                                OfferItems.current(offer),
                                condition,
                                Map.of(
                                        ":expected",
                                        AttributeValue.fromN(Long.toString(expectedVersion)),
                                        ":revision",
                                        AttributeValue.fromN(
                                                Long.toString(offer.signals().revision())))),
                        put(OfferItems.version(offer), "attribute_not_exists(pk)", Map.of()),
                        event(offer)));
    }

    @Override
    public boolean recordOutcome(String offerId, String outcomeId, boolean completed, Integer impactScore, Instant at) {
        Map<String, AttributeValue> outcome = Items.builder()
                .s(DirectoryTable.PK, OfferItems.pk(offerId))
                .s(DirectoryTable.SK, "OUTCOME#" + outcomeId)
                .s("entity", "OUTCOME")
                .s("recordedAt", at.toString())
                .bool("completed", completed)
                .n("impactScore", impactScore)
                .build();
        Update signals = Update.builder()
                .tableName(table)
                .key(Map.of(
                        DirectoryTable.PK,
                        AttributeValue.fromS(OfferItems.pk(offerId)),
                        DirectoryTable.SK,
                        AttributeValue.fromS(OfferItems.CURRENT)))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression("SET #c = if_not_exists(#c, :zero) + :c, #n = if_not_exists(#n, :zero) + :n, "
                        + "#t = if_not_exists(#t, :zero) + :t, #r = if_not_exists(#r, :zero) + :one")
                .expressionAttributeNames(Map.of(
                        "#c",
                        OfferItems.COMPLETED,
                        "#n",
                        OfferItems.IMPACT_RATINGS,
                        "#t",
                        OfferItems.IMPACT_TOTAL,
                        "#r",
                        OfferItems.SIGNALS_REVISION))
                .expressionAttributeValues(Map.of(
                        ":zero",
                        number(0),
                        ":one",
                        number(1),
                        ":c",
                        number(completed ? 1 : 0),
                        ":n",
                        number(impactScore == null ? 0 : 1),
                        ":t",
                        number(impactScore == null ? 0 : impactScore)))
                .build();
        return Transactions.writeIfConditionsHold(
                client,
                List.of(
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(table)
                                        .item(outcome)
                                        .conditionExpression("attribute_not_exists(pk)")
                                        .build())
                                .build(),
                        TransactWriteItem.builder().update(signals).build()));
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    private TransactWriteItem event(Offer offer) {
        OfferChanged changed = OfferEvents.of(offer);
        EventEnvelope e = new EventEnvelope(
                changed.type(), changed.eventId(), changed.occurredAt(), changed.area(), changed.data());
        return EventItems.put(
                table, OfferItems.pk(offer.id()), String.format("EVENT#%010d", offer.version()), e, events.write(e));
    }

    private TransactWriteItem put(Items item, String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item.build()).conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    @Override
    public List<Offer> versions(String id) {
        var response = client.queryPaginator(QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
                .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(OfferItems.pk(id)), ":v", AttributeValue.fromS("V#")))
                .build());
        return response.items().stream().map(Items::of).map(OfferItems::offer).toList();
    }

    @Override
    public Page<Offer> inStatus(OfferStatus status, String area, PageRequest page) {
        return IndexQueries.page(
                client,
                table,
                DirectoryTable.GSI2,
                OfferItems.statusKey(status),
                area == null ? null : area + "#",
                IndexQueries.Filter.NONE,
                page,
                OfferItems::offer);
    }

    @Override
    public Page<Offer> approvedAndCurrent(String area, LocalDate today, PageRequest page) {
        // ISO dates compare as strings
        var current = new IndexQueries.Filter(
                "#review >= :today",
                Map.of("#review", "reviewDate"),
                Map.of(":today", AttributeValue.fromS(today.toString())));
        return IndexQueries.page(
                client,
                table,
                DirectoryTable.GSI2,
                OfferItems.statusKey(OfferStatus.APPROVED),
                area == null ? null : area + "#",
                current,
                page,
                OfferItems::offer);
    }

    @Override
    public Page<Offer> ofProvider(String providerId, PageRequest page) {
        return IndexQueries.page(
                client,
                table,
                DirectoryTable.GSI1,
                ProviderItems.pk(providerId),
                "OFFER#",
                IndexQueries.Filter.NONE,
                page,
                OfferItems::offer);
    }
}
