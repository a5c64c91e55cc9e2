package uk.sse.notifier.storage;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.notifier.application.WatchStore;
import uk.sse.notifier.model.Watch;

/**
 * Watches in the notifier's table, all in one partition {@code WATCHES / <key>} so the reminder sweep reads them in
 * pages by one query (an area's open requests and assured offers number hundreds, not millions: decision 0076). Each
 * expires by the table's TTL a year after its last event (a request no event has touched for a year is not worth a
 * reminder), or a year after an offer's review date. A request's watch is also found by its school, through gsi1
 * {@code WATCHES#SCHOOL#<urn> / <key>} (decision 0108).
 */
@Singleton
public class DynamoWatchStore implements WatchStore {

    private static final String PARTITION = "WATCHES";
    private static final String ON_SCHOOL = "WATCHES#SCHOOL#";
    private static final Duration KEEP = Duration.ofDays(365);

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    public DynamoWatchStore(DynamoDbClient client, NotifierTable table, Clock clock) {
        this.client = client;
        this.table = table.name();
        this.clock = clock;
    }

    @Override
    public Optional<Watch> get(String key) {
        var response =
                client.getItem(b -> b.tableName(table).consistentRead(true).key(key(key)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(watch(response.item()))
                : Optional.empty();
    }

    @Override
    public void put(Watch w) {
        Instant afterEvent = clock.instant().plus(KEEP);
        Instant afterReview = w.isOffer() && w.dueBy() != null
                ? w.dueBy().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plus(KEEP)
                : null;
        Instant expires = afterReview != null && afterReview.isAfter(afterEvent) ? afterReview : afterEvent;
        client.putItem(b -> b.tableName(table)
                .item(Items.builder()
                        .s(Tables.PK, PARTITION)
                        .s(Tables.SK, w.key())
                        .s("entity", "WATCH")
                        .n("version", w.version())
                        .s("stage", w.stage().name())
                        .s("area", w.area())
                        .s("name", w.name())
                        .s("link", w.link())
                        .s("organisation", w.organisation())
                        .s(
                                "waitingSince",
                                w.waitingSince() == null
                                        ? null
                                        : w.waitingSince().toString())
                        .s("dueBy", w.dueBy() == null ? null : w.dueBy().toString())
                        .s("urn", w.urn())
                        .s(Tables.indexPk(1), w.urn() == null ? null : ON_SCHOOL + w.urn())
                        .s(Tables.indexSk(1), w.urn() == null ? null : w.key())
                        .n("expiresAt", expires.getEpochSecond())
                        .build()));
    }

    @Override
    public void forget(String key) {
        client.deleteItem(b -> b.tableName(table).key(key(key)));
    }

    @Override
    public List<Watch> page(String after, int size) {
        return client
                .query(b -> {
                    b.tableName(table)
                            .keyConditionExpression("pk = :pk")
                            .consistentRead(true)
                            .limit(size)
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION)));
                    if (after != null) {
                        b.exclusiveStartKey(key(after));
                    }
                })
                .items()
                .stream()
                .map(DynamoWatchStore::watch)
                .toList();
    }

    @Override
    public List<Watch> onSchool(String urn) {
        return client
                .queryPaginator(b -> b.tableName(table)
                        .indexName(NotifierTable.AREA_INDEX)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Tables.indexPk(1)))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ON_SCHOOL + urn))))
                .items()
                .stream()
                .map(DynamoWatchStore::watch)
                .toList();
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(Tables.PK, AttributeValue.fromS(PARTITION), Tables.SK, AttributeValue.fromS(key));
    }

    private static Watch watch(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        String since = i.s("waitingSince");
        String dueBy = i.s("dueBy");
        return new Watch(
                i.s(Tables.SK),
                i.n("version"),
                Watch.Stage.valueOf(i.s("stage")),
                i.s("area"),
                i.s("name"),
                i.s("link"),
                i.s("organisation"),
                since == null ? null : Instant.parse(since),
                dueBy == null ? null : LocalDate.parse(dueBy),
                i.s("urn"));
    }
}
