package uk.sse.notifier.storage;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import uk.sse.kernel.dynamo.ConditionalPuts;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.application.NoticeStore;
import uk.sse.notifier.model.Audience;
import uk.sse.notifier.model.Notice;
import uk.sse.notifier.model.NoticeKind;
import uk.sse.notifier.model.Raiser;

/**
 * Notices in the notifier's table: {@code INBOX#<audience> / <occurred ms>#<notice id>}, newest last in the partition
 * (read backwards); a person's read marks {@code READ#<subject> / <notice id>}; a request's raiser
 * {@code RAISER#<request id> / RAISER} (an adviser's {@code subject}, or the {@code school} that asked for itself). All expire by the table's TTL after {@code sse.notifier.keep-notices}.
 */
@Singleton
public class DynamoNoticeStore implements NoticeStore {

    private final DynamoDbClient client;
    private final String table;
    private final Duration keep;
    private final Clock clock;

    public DynamoNoticeStore(DynamoDbClient client, NotifierTable table, NotifierSettings settings, Clock clock) {
        this.client = client;
        this.table = table.name();
        this.keep = settings.keepNotices();
        this.clock = clock;
    }

    @Override
    public boolean add(Notice n) {
        Map<String, AttributeValue> item = Items.builder()
                .s(Tables.PK, "INBOX#" + n.audience().key())
                .s(Tables.SK, Keys.millis(n.occurredAt()) + "#" + n.id())
                .s("entity", "NOTICE")
                .s("id", n.id())
                .s("audience", n.audience().key())
                .s("kind", n.kind().name())
                .s("sourceId", n.sourceId())
                .s("area", n.area())
                .s("title", n.title())
                .s("link", n.link())
                .s("occurredAt", n.occurredAt().toString())
                .n("expiresAt", expiry())
                .build();
        return ConditionalPuts.putNew(client, table, item);
    }

    @Override
    public boolean has(Notice n) {
        var response = client.getItem(b -> b.tableName(table)
                .consistentRead(true)
                .projectionExpression("pk")
                .key(Map.of(
                        Tables.PK,
                        AttributeValue.fromS("INBOX#" + n.audience().key()),
                        Tables.SK,
                        AttributeValue.fromS(Keys.millis(n.occurredAt()) + "#" + n.id()))));
        return response.hasItem() && !response.item().isEmpty();
    }

    @Override
    public void rememberRaiser(String requestId, Raiser raiser) {
        Items item = Items.builder()
                .s(Tables.PK, "RAISER#" + requestId)
                .s(Tables.SK, "RAISER")
                .s("entity", "RAISER")
                .n("expiresAt", expiry());
        switch (raiser) {
            case Raiser.Adviser a -> item.s("subject", a.subject());
            case Raiser.School s -> item.s("school", s.urn());
        }
        client.putItem(b -> b.tableName(table).item(item.build()));
    }

    /** An adviser's {@code subject}, or a school's URN ({@code school}) where the school asked for itself. */
    @Override
    public Optional<Raiser> raiserOf(String requestId) {
        var response = client.getItem(b -> b.tableName(table)
                .consistentRead(true)
                .key(Map.of(
                        Tables.PK,
                        AttributeValue.fromS("RAISER#" + requestId),
                        Tables.SK,
                        AttributeValue.fromS("RAISER"))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Items item = Items.of(response.item());
        if (item.s("subject") != null) {
            return Optional.of(new Raiser.Adviser(item.s("subject")));
        }
        return Optional.ofNullable(item.s("school")).map(Raiser.School::new);
    }

    @Override
    public List<Notice> newest(List<Audience> audiences, int limit) {
        List<Notice> all = new ArrayList<>();
        for (Audience a : audiences) {
            client.query(b -> b.tableName(table)
                            .keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("INBOX#" + a.key())))
                            .scanIndexForward(false)
                            .limit(limit))
                    .items()
                    .forEach(i -> all.add(notice(i)));
        }
        return all.stream()
                .sorted(Comparator.comparing(Notice::occurredAt)
                        .thenComparing(Notice::id)
                        .reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public List<String> newestIds(List<Audience> audiences, int limit) {
        // one keys-only query per audience, side by side: the count waits for the slowest, not the sum
        List<String> keys;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<String>>> asked = audiences.stream()
                    .map(a -> threads.submit(() -> newestKeys(a, limit)))
                    .toList();
            keys = asked.stream().flatMap(f -> joined(f).stream()).toList();
        }
        // "<occurred ms, fixed width>#<id>": the keys sort as newest() sorts the notices
        return keys.stream()
                .sorted(Comparator.reverseOrder())
                .limit(limit)
                .map(k -> k.substring(k.indexOf('#') + 1))
                .toList();
    }

    private List<String> newestKeys(Audience a, int limit) {
        return client
                .query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("INBOX#" + a.key())))
                        .projectionExpression(Tables.SK)
                        .scanIndexForward(false)
                        .limit(limit))
                .items()
                .stream()
                .map(i -> i.get(Tables.SK).s())
                .toList();
    }

    private static <T> T joined(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading notices", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public Set<String> readBy(String subject, Collection<String> ids) {
        Set<String> read = new HashSet<>();
        List<String> wanted = ids.stream().distinct().toList();
        for (int from = 0; from < wanted.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = wanted.subList(from, Math.min(wanted.size(), from + 100)).stream()
                    .map(id -> Map.of(
                            Tables.PK, AttributeValue.fromS("READ#" + subject), Tables.SK, AttributeValue.fromS(id)))
                    .toList();
            Map<String, KeysAndAttributes> ask = Map.of(
                    table,
                    KeysAndAttributes.builder()
                            .keys(keys)
                            .projectionExpression(Tables.SK)
                            .consistentRead(true)
                            .build());
            while (!ask.isEmpty()) {
                var asked = ask;
                var response = client.batchGetItem(b -> b.requestItems(asked));
                response.responses()
                        .getOrDefault(table, List.of())
                        .forEach(i -> read.add(i.get(Tables.SK).s()));
                ask = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return read;
    }

    @Override
    public void markRead(String subject, Collection<String> ids, Instant at) {
        List<String> all = ids.stream().distinct().toList();
        for (int from = 0; from < all.size(); from += 25) {
            Map<String, List<WriteRequest>> writes = new HashMap<>(Map.of(
                    table,
                    all.subList(from, Math.min(all.size(), from + 25)).stream()
                            .map(id -> WriteRequest.builder()
                                    .putRequest(PutRequest.builder()
                                            .item(Items.builder()
                                                    .s(Tables.PK, "READ#" + subject)
                                                    .s(Tables.SK, id)
                                                    .s("entity", "READ")
                                                    .s("at", at.toString())
                                                    .n("expiresAt", expiry())
                                                    .build())
                                            .build())
                                    .build())
                            .toList()));
            while (!writes.isEmpty()) {
                var pending = writes;
                var response = client.batchWriteItem(b -> b.requestItems(pending));
                writes = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    private long expiry() {
        return clock.instant().plus(keep).getEpochSecond();
    }

    private static Notice notice(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        return new Notice(
                i.s("id"),
                new Audience(i.s("audience")),
                NoticeKind.valueOf(i.s("kind")),
                i.s("sourceId"),
                i.s("area"),
                i.s("title"),
                i.s("link"),
                Instant.parse(i.s("occurredAt")));
    }
}
