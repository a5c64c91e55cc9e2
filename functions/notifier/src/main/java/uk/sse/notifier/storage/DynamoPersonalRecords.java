package uk.sse.notifier.storage;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.notifier.application.PersonalRecords;

/**
 * A person's items in the notifier's table, found by reading the whole table once (an admin's rare request; the table
 * keeps notices, contacts and deliveries for weeks, by TTL): every item with a string that names their subject. An
 * item whose key names them (their contact {@code PERSON#}, inbox {@code INBOX#PERSON#}, read marks {@code READ#},
 * emails {@code DELIVERIES#person:}) is theirs alone and is deleted; any other (a remembered raiser, a webhook body)
 * is rewritten: the subject where it stands alone becomes the tombstone, a text naming them {@code [erased]}. An item
 * with an area is the admin's if of their area; one without (read marks, raisers) if the person is of the area (their
 * contact or a notice of theirs is).
 */
@Singleton
public class DynamoPersonalRecords implements PersonalRecords {

    static final String ERASED = "[erased]";
    /** Attributes that are the table's plumbing, not what the item says. */
    private static final Set<String> PLUMBING = Set.of(
            Tables.PK,
            Tables.SK,
            Tables.indexPk(1),
            Tables.indexSk(1),
            Tables.indexPk(2),
            Tables.indexSk(2),
            "entity",
            DeliveryItems.LEASE);

    private final DynamoDbClient client;
    private final String table;

    public DynamoPersonalRecords(DynamoDbClient client, NotifierTable table) {
        this.client = client;
        this.table = table.name();
    }

    @Override
    public List<Found> naming(String subject, String area) {
        return ofArea(subject, area).stream()
                .map(item -> new Found(
                        item.get("entity") == null ? "" : item.get("entity").s(),
                        item.containsKey("area") ? item.get("area").s() : null,
                        texts(item)))
                .toList();
    }

    @Override
    public Changed erase(String subject, String tombstone, String area) {
        int deleted = 0;
        int rewritten = 0;
        for (Map<String, AttributeValue> item : ofArea(subject, area)) {
            if (keyedBy(item, subject)) {
                Map<String, AttributeValue> key =
                        Map.of(Tables.PK, item.get(Tables.PK), Tables.SK, item.get(Tables.SK));
                Transactions.busyOnFault(
                        "erase", () -> client.deleteItem(b -> b.tableName(table).key(key)));
                deleted++;
            } else {
                Map<String, AttributeValue> rewrite = new HashMap<>();
                item.forEach((name, value) -> rewrite.put(name, without(value, subject, tombstone)));
                Transactions.busyOnFault(
                        "erase", () -> client.putItem(b -> b.tableName(table).item(rewrite)));
                rewritten++;
            }
        }
        return new Changed(deleted, rewritten);
    }

    /** The items naming the person that are the area's. */
    private List<Map<String, AttributeValue>> ofArea(String subject, String area) {
        List<Map<String, AttributeValue>> naming = new ArrayList<>();
        Transactions.busyOnFault("read", () -> {
            client.scanPaginator(b -> b.tableName(table).consistentRead(true))
                    .items()
                    .forEach(item -> {
                        if (names(item.values(), subject)) naming.add(item);
                    });
            return naming;
        });
        boolean ofTheArea = naming.stream()
                .anyMatch(i -> keyedBy(i, subject)
                        && i.containsKey("area")
                        && area.equals(i.get("area").s()));
        return naming.stream()
                .filter(i -> i.containsKey("area") ? area.equals(i.get("area").s()) : ofTheArea)
                .toList();
    }

    private static boolean keyedBy(Map<String, AttributeValue> item, String subject) {
        return Set.of(Tables.PK, Tables.indexPk(1), Tables.indexPk(2)).stream()
                .map(item::get)
                .anyMatch(k -> k != null && k.s() != null && mentions(k.s(), subject));
    }

    private static boolean names(Iterable<AttributeValue> values, String subject) {
        for (AttributeValue v : values) {
            if (v.s() != null && v.s().contains(subject)) return true;
            if (v.hasL() && names(v.l(), subject)) return true;
            if (v.hasM() && names(v.m().values(), subject)) return true;
        }
        return false;
    }

    /** A key names the person if it is theirs: their subject ends it or stands between separators in it. */
    private static boolean mentions(String key, String subject) {
        return key.endsWith("#" + subject) || key.endsWith(":" + subject) || key.contains("#" + subject + "#");
    }

    private static AttributeValue without(AttributeValue v, String subject, String tombstone) {
        if (v.s() != null) {
            return v.s().equals(subject)
                    ? AttributeValue.fromS(tombstone)
                    : v.s().contains(subject) ? AttributeValue.fromS(ERASED) : v;
        }
        if (v.hasL()) {
            return AttributeValue.fromL(
                    v.l().stream().map(x -> without(x, subject, tombstone)).toList());
        }
        if (v.hasM()) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            v.m().forEach((k, x) -> m.put(k, without(x, subject, tombstone)));
            return AttributeValue.fromM(m);
        }
        return v;
    }

    private static List<String> texts(Map<String, AttributeValue> item) {
        List<String> texts = new ArrayList<>();
        item.forEach((name, v) -> {
            if (!PLUMBING.contains(name) && v.s() != null) texts.add(name + ": " + v.s());
        });
        return texts.stream().sorted().toList();
    }
}
