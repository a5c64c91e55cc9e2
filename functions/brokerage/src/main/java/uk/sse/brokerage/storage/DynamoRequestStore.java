package uk.sse.brokerage.storage;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.brokerage.application.BrokerageMetrics;
import uk.sse.brokerage.application.RequestFilter;
import uk.sse.brokerage.application.RequestStore;
import uk.sse.brokerage.model.Action;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.HoldState;
import uk.sse.brokerage.model.Proposal;
import uk.sse.brokerage.model.Result;
import uk.sse.brokerage.model.Retention;
import uk.sse.kernel.dynamo.Cursors;
import uk.sse.kernel.dynamo.IdempotencyItems;
import uk.sse.kernel.dynamo.IndexQueries;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.idempotency.PriorRequest;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/**
 * Requests in the brokerage table. Each change is one transaction: the request on condition that it is still at
 * the version the change was decided on (or, raised, that it is new), its event, and for a proposal a pointer item
 * per provider it is addressed to.
 */
@Singleton
public class DynamoRequestStore implements RequestStore {

    private final DynamoDbClient client;
    private final String table;
    private final EventJson events;
    private final BrokerageMetrics metrics;

    public DynamoRequestStore(DynamoDbClient client, BrokerageTable table, EventJson events, BrokerageMetrics metrics) {
        this.client = client;
        this.table = table.name();
        this.events = events;
        this.metrics = metrics;
    }

    @Override
    public Optional<BrokerageRequest> find(String id) {
        var item = Transactions.busyOnFault(
                "read",
                () -> client.getItem(
                        b -> b.tableName(table).consistentRead(true).key(key(id))));
        return item.hasItem() && !item.item().isEmpty()
                ? Optional.of(RequestItems.request(Items.of(item.item())))
                : Optional.empty();
    }

    @Override
    public boolean create(Result.Applied raised, IdempotencyKey key) {
        BrokerageRequest r = raised.request();
        List<TransactWriteItem> writes = new ArrayList<>(
                List.of(put(RequestItems.item(r).build(), "attribute_not_exists(pk)", Map.of()), event(raised)));
        if (key != null) {
            writes.add(IdempotencyItems.claim(table, key, r.id(), r.raisedAt()));
        }
        return written(raised, Transactions.writeIfConditionsHold(client, writes));
    }

    @Override
    public Optional<PriorRequest> priorRequest(IdempotencyKey key) {
        return Transactions.busyOnFault("read", () -> IdempotencyItems.find(client, table, key));
    }

    @Override
    public boolean update(Result.Applied applied) {
        BrokerageRequest r = applied.request();
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                put(
                        RequestItems.item(r).build(),
                        "version = :before",
                        Map.of(":before", AttributeValue.fromN(Long.toString(r.version() - 1)))),
                event(applied)));
        if (r.engagement() != null) {
            // reconciliation's list of held engagements: in while the hold is HELD, out once it is posted or voided
            Map<String, AttributeValue> pointer = Items.builder()
                    .s(Tables.PK, RequestItems.HELD_PK)
                    .s(Tables.SK, RequestItems.pk(r.id()))
                    .s("entity", "HELD")
                    .s("requestId", r.id())
                    .s("area", r.area())
                    .build();
            writes.add(
                    r.engagement().hold() == HoldState.HELD
                            ? put(pointer, null, Map.of())
                            : TransactWriteItem.builder()
                                    .delete(d -> d.tableName(table)
                                            .key(Map.of(
                                                    Tables.PK,
                                                    pointer.get(Tables.PK),
                                                    Tables.SK,
                                                    pointer.get(Tables.SK))))
                                    .build());
        }
        if (applied.transition().to().closed()) {
            // retention's pointer from the day the request's texts expire (decision 0111), written again on each move
            // once closed (an evaluation after completion); one made after that day points at its own day instead
            LocalDate movedOn = LocalDate.ofInstant(applied.transition().at(), ZoneOffset.UTC);
            Retention.sweptOn(r, movedOn)
                    .ifPresent(day -> writes.add(put(RequestItems.textsExpireItem(day, r), null, Map.of())));
        }
        if (applied.transition().action() == Action.PROPOSE) {
            r.proposals().stream()
                    .map(Proposal::providerId)
                    .distinct()
                    .forEach(provider -> writes.add(put(
                            Items.builder()
                                    .s(Tables.PK, RequestItems.addressedPk(provider))
                                    .s(Tables.SK, RequestItems.pk(r.id()))
                                    .s("entity", "ADDRESSED")
                                    .s("requestId", r.id())
                                    .s("area", r.area())
                                    .build(),
                            null,
                            Map.of())));
        }
        return written(applied, Transactions.writeIfConditionsHold(client, writes));
    }

    @Override
    public boolean recordEvent(String requestId, long version, String kind, EventEnvelope event) {
        // a repeat of the same event at the same version has the same key: its failed condition is "already there"
        return Transactions.writeIfConditionsHold(
                client,
                List.of(EventItems.put(
                        table,
                        RequestItems.pk(requestId),
                        RequestItems.eventSk(version) + "#" + kind,
                        event,
                        events.write(event))));
    }

    @Override
    public Page<String> heldEngagements(PageRequest page) {
        Map<String, AttributeValue> start = Cursors.startOf(
                page.cursor(),
                java.util.Set.of(Tables.PK, Tables.SK),
                key -> RequestItems.HELD_PK.equals(key.get(Tables.PK).s()));
        QueryResponse pointers = Transactions.busyOnFault(
                "read",
                () -> client.query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .consistentRead(true)
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RequestItems.HELD_PK)))
                        .limit(page.limit())
                        .exclusiveStartKey(start)));
        return new Page<>(
                pointers.items().stream().map(i -> i.get("requestId").s()).toList(),
                pointers.hasLastEvaluatedKey() ? Cursors.encode(pointers.lastEvaluatedKey()) : null);
    }

    @Override
    public Page<BrokerageRequest> queue(String area, RequestFilter filter, PageRequest page) {
        return byIndex(BrokerageTable.QUEUE_INDEX, RequestItems.queuePk(area), true, filter, page);
    }

    @Override
    public Page<BrokerageRequest> inArea(String area, RequestFilter filter, PageRequest page) {
        return byIndex(BrokerageTable.AREA_INDEX, RequestItems.areaPk(area), false, filter, page);
    }

    @Override
    public Page<BrokerageRequest> ofSchool(String urn, RequestFilter filter, PageRequest page) {
        return byIndex(BrokerageTable.SCHOOL_INDEX, RequestItems.schoolPk(urn), false, filter, page);
    }

    @Override
    public Page<BrokerageRequest> addressedTo(String providerId, RequestFilter filter, PageRequest page) {
        String pk = RequestItems.addressedPk(providerId);
        Map<String, AttributeValue> start = Cursors.startOf(
                page.cursor(),
                java.util.Set.of(Tables.PK, Tables.SK),
                key -> pk.equals(key.get(Tables.PK).s())
                        && key.get(Tables.SK).s().startsWith("REQUEST#"));
        QueryResponse pointers = Transactions.busyOnFault(
                "read",
                () -> client.query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :requests)")
                        .expressionAttributeValues(Map.of(
                                ":pk",
                                AttributeValue.fromS(RequestItems.addressedPk(providerId)),
                                ":requests",
                                AttributeValue.fromS("REQUEST#")))
                        .limit(page.limit())
                        .exclusiveStartKey(start)));
        List<String> ids =
                pointers.items().stream().map(i -> i.get("requestId").s()).toList();
        Map<String, BrokerageRequest> found = batchGet(ids);
        List<BrokerageRequest> requests = ids.stream()
                .map(found::get)
                .filter(r -> r != null && RequestFilters.keeps(filter, r))
                .toList();
        return new Page<>(
                requests, pointers.hasLastEvaluatedKey() ? Cursors.encode(pointers.lastEvaluatedKey()) : null);
    }

    private Map<String, BrokerageRequest> batchGet(List<String> ids) {
        Map<String, BrokerageRequest> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Map<String, KeysAndAttributes> wanted = Map.of(
                table,
                KeysAndAttributes.builder()
                        .consistentRead(true)
                        .keys(ids.stream().map(DynamoRequestStore::key).toList())
                        .build());
        while (!wanted.isEmpty()) {
            Map<String, KeysAndAttributes> asked = wanted;
            var response = Transactions.busyOnFault("read", () -> client.batchGetItem(b -> b.requestItems(asked)));
            response.responses().getOrDefault(table, List.of()).stream()
                    .map(Items::of)
                    .map(RequestItems::request)
                    .forEach(r -> found.put(r.id(), r));
            wanted = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return found;
    }

    private boolean written(Result.Applied applied, boolean written) {
        if (written) {
            metrics.written(applied);
        }
        return written;
    }

    private TransactWriteItem event(Result.Applied applied) {
        EventEnvelope e = applied.event();
        return EventItems.put(
                table,
                RequestItems.pk(applied.request().id()),
                RequestItems.eventSk(applied.request().version()),
                e,
                events.write(e));
    }

    private TransactWriteItem put(
            Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static Map<String, AttributeValue> key(String id) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(Tables.PK, AttributeValue.fromS(RequestItems.pk(id)));
        key.put(Tables.SK, AttributeValue.fromS(RequestItems.SK));
        return key;
    }

    /** The requests under {@code pk} in {@code index}, as filtered, in its sort order or (not forward) the reverse. */
    private Page<BrokerageRequest> byIndex(
            String index, String pk, boolean forward, RequestFilter filter, PageRequest page) {
        return IndexQueries.page(
                client,
                table,
                index,
                pk,
                null,
                RequestFilters.expression(filter),
                forward,
                page,
                RequestItems::request);
    }
}
