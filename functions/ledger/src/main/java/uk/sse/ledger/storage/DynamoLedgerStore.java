package uk.sse.ledger.storage;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.contracts.ledger.LedgerEvent;
import uk.sse.kernel.dynamo.Cursors;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.ledger.application.LedgerStore;
import uk.sse.ledger.model.Account;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Entry;
import uk.sse.ledger.model.LedgerEvents;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.Snapshot;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferState;

/**
 * The ledger in its DynamoDB table. A command's result is one TransactWriteItems: each account put on condition
 * that its version is the one read, a new transfer on condition that its id is free, a resolved hold on condition
 * that it is still pending, and each entry on condition that it is new.
 */
@Singleton
public class DynamoLedgerStore implements LedgerStore {

    private final DynamoDbClient client;
    private final String table;
    private final EventJson json;

    public DynamoLedgerStore(DynamoDbClient client, LedgerTable table, EventJson json) {
        this.client = client;
        this.table = table.name();
        this.json = json;
    }

    @Override
    public Snapshot read(Collection<TransferId> transfers, Collection<AccountId> accounts) {
        List<TransactGetItem> gets = new ArrayList<>();
        transfers.forEach(id -> gets.add(get(LedgerItems.transferKey(id))));
        accounts.forEach(id -> gets.add(get(LedgerItems.accountKey(id))));
        var responses = Transactions.busyOnFault("read", () -> client.transactGetItems(b -> b.transactItems(gets)))
                .responses();
        List<Transfer> foundTransfers = new ArrayList<>();
        List<Account> foundAccounts = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            Map<String, AttributeValue> item = responses.get(i).item();
            if (item == null || item.isEmpty()) {
                continue;
            }
            if (i < transfers.size()) {
                foundTransfers.add(LedgerItems.transfer(item));
            } else {
                foundAccounts.add(LedgerItems.account(item));
            }
        }
        return Snapshot.of(foundAccounts, foundTransfers);
    }

    @Override
    public Optional<Transfer> transfer(TransferId id) {
        return one(LedgerItems.transferKey(id)).map(LedgerItems::transfer);
    }

    @Override
    public Optional<Account> account(AccountId id) {
        return one(LedgerItems.accountKey(id)).map(LedgerItems::account);
    }

    @Override
    public boolean write(Result.Applied applied) {
        Map<AccountId, Long> versions = new HashMap<>();
        List<TransactWriteItem> items = new ArrayList<>();
        for (Account a : applied.accounts()) {
            versions.put(a.id(), a.version());
            items.add(put(
                    LedgerItems.item(a),
                    "#v = :previous",
                    Map.of("#v", LedgerItems.VERSION),
                    Map.of(":previous", AttributeValue.fromN(Long.toString(a.version() - 1)))));
        }
        for (Transfer t : applied.transfers()) {
            items.add(
                    t.revision() == 0
                            ? put(LedgerItems.item(t), "attribute_not_exists(pk)", Map.of(), Map.of())
                            : put(
                                    LedgerItems.item(t),
                                    "#state = :pending AND "
                                            + (t.revision() == 1
                                                    ? "(attribute_not_exists(#revision) OR #revision = :read)"
                                                    : "#revision = :read"),
                                    Map.of("#state", LedgerItems.STATE, "#revision", LedgerItems.REVISION),
                                    Map.of(
                                            ":pending",
                                            AttributeValue.fromS(TransferState.PENDING.name()),
                                            ":read",
                                            AttributeValue.fromN(Long.toString(t.revision() - 1)))));
        }
        for (Entry e : applied.entries()) {
            items.add(put(
                    LedgerItems.item(e, versions.get(e.account())), "attribute_not_exists(pk)", Map.of(), Map.of()));
        }
        for (LedgerEvent event : LedgerEvents.of(applied)) {
            items.add(event(event));
        }
        return Transactions.writeIfConditionsHold(client, items);
    }

    @Override
    public boolean open(Account account, Instant at) {
        return Transactions.writeIfConditionsHold(
                client,
                List.of(
                        put(LedgerItems.item(account), "attribute_not_exists(pk)", Map.of(), Map.of()),
                        event(LedgerEvents.opened(account, at))));
    }

    private TransactWriteItem event(LedgerEvent e) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(LedgerItems.item(e, json))
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    @Override
    public Optional<Page<Entry>> statement(AccountId account, PageRequest page) {
        String pk = LedgerItems.accountPk(account);
        return Cursors.startKey(
                        page.cursor(),
                        key -> pk.equals(s(key, Tables.PK)) && s(key, Tables.SK).startsWith(LedgerItems.ENTRY))
                .map(start -> page(
                        QueryRequest.builder()
                                .tableName(table)
                                .keyConditionExpression("pk = :pk AND begins_with(sk, :entry)")
                                .expressionAttributeValues(Map.of(
                                        ":pk",
                                        AttributeValue.fromS(pk),
                                        ":entry",
                                        AttributeValue.fromS(LedgerItems.ENTRY)))
                                .scanIndexForward(false)
                                .consistentRead(true)
                                .limit(page.limit())
                                .exclusiveStartKey(start.orElse(null))
                                .build(),
                        LedgerItems::entry));
    }

    @Override
    public Optional<Page<Account>> accountsIn(String area, PageRequest page) {
        String gsiPk = LedgerItems.areaPk(area);
        return Cursors.startKey(
                        page.cursor(),
                        key -> gsiPk.equals(s(key, Tables.indexPk(1)))
                                && s(key, Tables.indexSk(1)).startsWith(LedgerItems.ACCOUNT + "#"))
                .map(start -> page(
                        areaQuery(area, LedgerItems.ACCOUNT + "#")
                                .limit(page.limit())
                                .exclusiveStartKey(start.orElse(null))
                                .build(),
                        LedgerItems::account));
    }

    @Override
    public AreaContents contentsOf(String area) {
        return new AreaContents(
                all(areaQuery(area, LedgerItems.ACCOUNT + "#"), LedgerItems::account),
                all(areaQuery(area, LedgerItems.TRANSFER + "#"), LedgerItems::transfer),
                all(areaQuery(area, LedgerItems.ENTRY), LedgerItems::entry));
    }

    @Override
    public List<TransferId> holdsDueBy(Instant now, int limit) {
        QueryResponse response = Transactions.busyOnFault(
                "due holds",
                () -> client.query(b -> b.tableName(table)
                        .indexName(LedgerTable.DUE_INDEX)
                        .keyConditionExpression("gsi2pk = :due AND gsi2sk <= :now")
                        .expressionAttributeValues(Map.of(
                                ":due",
                                AttributeValue.fromS(LedgerItems.HOLDS_DUE),
                                ":now",
                                AttributeValue.fromS(LedgerItems.dueSk(now, "~"))))
                        .limit(limit)));
        return response.items().stream()
                .map(item -> new TransferId(item.get("id").s()))
                .toList();
    }

    @Override
    public Optional<Page<Transfer>> pendingHolds(String idPrefix, PageRequest page) {
        // the last key read may be a hold the filter left out: any pending hold's key is a cursor of this listing
        return Cursors.startKey(
                        page.cursor(),
                        key -> LedgerItems.HOLDS_DUE.equals(s(key, Tables.indexPk(2)))
                                && s(key, Tables.PK).startsWith("TRANSFER#")
                                && s(key, Tables.SK).equals(LedgerItems.TRANSFER))
                .map(start -> page(
                        QueryRequest.builder()
                                .tableName(table)
                                .indexName(LedgerTable.DUE_INDEX)
                                .keyConditionExpression("gsi2pk = :due")
                                .filterExpression("begins_with(id, :prefix)")
                                .expressionAttributeValues(Map.of(
                                        ":due",
                                        AttributeValue.fromS(LedgerItems.HOLDS_DUE),
                                        ":prefix",
                                        AttributeValue.fromS(idPrefix)))
                                .limit(page.limit())
                                .exclusiveStartKey(start.orElse(null))
                                .build(),
                        LedgerItems::transfer));
    }

    private QueryRequest.Builder areaQuery(String area, String prefix) {
        return QueryRequest.builder()
                .tableName(table)
                .indexName(LedgerTable.AREA_INDEX)
                .keyConditionExpression("gsi1pk = :area AND begins_with(gsi1sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":area",
                        AttributeValue.fromS(LedgerItems.areaPk(area)),
                        ":prefix",
                        AttributeValue.fromS(prefix)));
    }

    private <T> List<T> all(QueryRequest.Builder query, Function<Map<String, AttributeValue>, T> mapper) {
        List<T> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest request = query.exclusiveStartKey(start).build();
            QueryResponse response = Transactions.busyOnFault("area query", () -> client.query(request));
            response.items().forEach(item -> out.add(mapper.apply(item)));
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return out;
    }

    private <T> Page<T> page(QueryRequest request, Function<Map<String, AttributeValue>, T> mapper) {
        QueryResponse response = Transactions.busyOnFault("page", () -> client.query(request));
        return new Page<>(
                response.items().stream().map(mapper).toList(),
                response.hasLastEvaluatedKey() ? Cursors.encode(response.lastEvaluatedKey()) : null);
    }

    private static String s(Map<String, AttributeValue> key, String name) {
        return key.get(name).s();
    }

    private Optional<Map<String, AttributeValue>> one(Map<String, AttributeValue> key) {
        var response = Transactions.busyOnFault(
                "get", () -> client.getItem(b -> b.tableName(table).key(key).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private TransactGetItem get(Map<String, AttributeValue> key) {
        return TransactGetItem.builder().get(g -> g.tableName(table).key(key)).build();
    }

    private TransactWriteItem put(
            Map<String, AttributeValue> item,
            String condition,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition);
        if (!names.isEmpty()) {
            put.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }
}
