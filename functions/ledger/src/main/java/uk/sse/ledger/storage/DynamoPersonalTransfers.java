package uk.sse.ledger.storage;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.events.EventLog;
import uk.sse.ledger.application.PersonalTransfers;
import uk.sse.ledger.model.Requester;
import uk.sse.ledger.model.Transfer;

/**
 * A person's part in transfers, in the ledger table: an area's transfers through the area index; an erasure sets
 * each of the transfer's requester paths that holds the subject (on condition it still does and the state has not
 * moved) and puts its event items again with the subject replaced, in one transaction. Nothing else of the item changes,
 * so the reporting projection (which takes a transfer only when it is further resolved) and every balance stay.
 */
@Singleton
public class DynamoPersonalTransfers implements PersonalTransfers {

    private final DynamoDbClient client;
    private final String table;
    private final EventJson json;

    public DynamoPersonalTransfers(DynamoDbClient client, LedgerTable table, EventJson json) {
        this.client = client;
        this.table = table.name();
        this.json = json;
    }

    @Override
    public List<Transfer> inArea(String area, Predicate<Transfer> keeps) {
        List<Transfer> found = new ArrayList<>();
        Transactions.busyOnFault("area transfers", () -> {
            client.queryPaginator(b -> b.tableName(table)
                            .indexName(LedgerTable.AREA_INDEX)
                            .keyConditionExpression(
                                    Tables.indexPk(1) + " = :area AND begins_with(" + Tables.indexSk(1) + ", :prefix)")
                            .expressionAttributeValues(Map.of(
                                    ":area",
                                    AttributeValue.fromS(LedgerItems.areaPk(area)),
                                    ":prefix",
                                    AttributeValue.fromS(LedgerItems.TRANSFER + "#"))))
                    .items()
                    .forEach(item -> {
                        Transfer t = LedgerItems.transfer(item);
                        if (keeps.test(t)) found.add(t);
                    });
            return found;
        });
        return found;
    }

    @Override
    public boolean erase(Transfer t, String subject, String tombstone) {
        Map<String, String> names =
                new HashMap<>(Map.of("#state", LedgerItems.STATE, "#s", "subject", "#for", "onBehalfOf"));
        List<String> sets = new ArrayList<>();
        List<String> conditions = new ArrayList<>(List.of("#state = :state"));
        path("requestedBy", "#rq", t.requestedBy(), subject, names, sets, conditions);
        path("resolvedBy", "#rs", t.resolvedBy(), subject, names, sets, conditions);
        List<TransactWriteItem> writes = new ArrayList<>();
        String pk = "TRANSFER#" + t.id().value();
        if (!sets.isEmpty()) {
            writes.add(TransactWriteItem.builder()
                    .update(Update.builder()
                            .tableName(table)
                            .key(Map.of(
                                    Tables.PK,
                                    AttributeValue.fromS(pk),
                                    Tables.SK,
                                    AttributeValue.fromS(LedgerItems.TRANSFER)))
                            .updateExpression("SET " + String.join(", ", sets))
                            .conditionExpression(String.join(" AND ", conditions))
                            .expressionAttributeNames(names.entrySet().stream()
                                    .filter(n -> sets.stream().anyMatch(s -> s.contains(n.getKey()))
                                            || conditions.stream().anyMatch(c -> c.contains(n.getKey())))
                                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                            .expressionAttributeValues(Map.of(
                                    ":state",
                                    AttributeValue.fromS(t.state().name()),
                                    ":subject",
                                    AttributeValue.fromS(subject),
                                    ":tombstone",
                                    AttributeValue.fromS(tombstone)))
                            .build())
                    .build());
        }
        for (var logged : EventLog.read(client, table, pk, json, Map::entry)) {
            EventEnvelope e = logged.getValue();
            Map<String, Object> data = new LinkedHashMap<>(e.data());
            data.replaceAll((k, v) -> subject.equals(v) ? tombstone : v);
            if (!data.equals(e.data())) {
                EventEnvelope erased =
                        new EventEnvelope(e.type(), e.id(), e.occurredAt(), e.area(), data, e.correlationId());
                writes.add(EventLog.replace(table, pk, logged.getKey(), erased, json));
            }
        }
        return writes.isEmpty() || Transactions.writeIfConditionsHold(client, writes);
    }

    /** The SET and condition for each place under {@code attribute} that holds the subject: itself, whom it acted for. */
    private static void path(
            String attribute,
            String name,
            Requester r,
            String subject,
            Map<String, String> names,
            List<String> sets,
            List<String> conditions) {
        if (r == null) return;
        names.put(name, attribute);
        if (subject.equals(r.subject())) {
            sets.add(name + ".#s = :tombstone");
            conditions.add(name + ".#s = :subject");
        }
        if (r.onBehalfOf() != null && subject.equals(r.onBehalfOf().subject())) {
            sets.add(name + ".#for.#s = :tombstone");
            conditions.add(name + ".#for.#s = :subject");
        }
    }
}
