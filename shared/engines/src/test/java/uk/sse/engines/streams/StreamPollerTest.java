package uk.sse.engines.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StreamPollerTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamo = Tables.client();
        table = Tables.create(dynamo, "poller");
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    private static void put(String pk, int sk, String value) {
        Map<String, AttributeValue> item = new HashMap<>(Tables.key(pk, sk));
        item.put("value", AttributeValue.fromS(value));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static String sequence(DynamodbEvent.DynamodbStreamRecord record) {
        return record.getDynamodb().getSequenceNumber();
    }

    private static String value(DynamodbEvent.DynamodbStreamRecord record) {
        return record.getDynamodb().getNewImage().get("value").getS();
    }

    private static StreamsEventResponse failing(DynamodbEvent.DynamodbStreamRecord record) {
        return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequence(record))));
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
    }

    /** The batches the handler saw, as the "value" attribute of each record. */
    private static List<List<String>> values(List<DynamodbEvent> batches) {
        return batches.stream()
                .map(e -> e.getRecords().stream().map(StreamPollerTest::value).toList())
                .toList();
    }

    @Test
    void aFailedRecordComesBackWithTheRecordsAfterItAndThenProcessingGoesOn() throws Exception {
        String pk = "retry-" + System.nanoTime();
        List<DynamodbEvent> batches = new CopyOnWriteArrayList<>();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        Function<DynamodbEvent, StreamsEventResponse> handler = event -> {
            batches.add(event);
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
                if (value(record).equals("c") && failedOnce.add(sequence(record))) {
                    return failing(record);
                }
            }
            return new StreamsEventResponse();
        };
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.LATEST)) {
            for (String v : List.of("a", "b", "c", "d", "e")) {
                put(pk, v.charAt(0), v);
            }
            try (StreamPoller poller = StreamPoller.start(reader, handler, 10, 3)) {
                await(() -> batches.size() >= 2, Duration.ofSeconds(20));
                put(pk, 'f', "f");
                await(() -> batches.size() >= 3, Duration.ofSeconds(20));
            }
        }
        assertThat(values(batches))
                .containsExactly(List.of("a", "b", "c", "d", "e"), List.of("c", "d", "e"), List.of("f"));
    }

    @Test
    void aRecordThatAlwaysFailsGoesToTheDeadLettersAfterMaxRetriesAndTheRestIsDelivered() throws Exception {
        String pk = "poison-" + System.nanoTime();
        List<DynamodbEvent> batches = new CopyOnWriteArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> dead = new CopyOnWriteArrayList<>();
        Function<DynamodbEvent, StreamsEventResponse> handler = event -> {
            batches.add(event);
            return event.getRecords().stream()
                    .filter(r -> value(r).equals("poison"))
                    .findFirst()
                    .map(StreamPollerTest::failing)
                    .orElseGet(StreamsEventResponse::new);
        };
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.LATEST)) {
            put(pk, 1, "ok");
            put(pk, 2, "poison");
            put(pk, 3, "after");
            try (StreamPoller poller = StreamPoller.start(reader, handler, 10, 2, dead::add)) {
                await(() -> batches.size() >= 4, Duration.ofSeconds(20));
                Thread.sleep(3 * StreamPoller.INTERVAL_MILLIS); // nothing more should come
            }
        }
        assertThat(values(batches))
                .containsExactly(
                        List.of("ok", "poison", "after"),
                        List.of("poison", "after"),
                        List.of("poison", "after"),
                        List.of("after"));
        assertThat(dead).singleElement().satisfies(r -> assertThat(value(r)).isEqualTo("poison"));
    }

    @Test
    void aHandlerThatThrowsOrNamesAStrangerFailsTheWholeBatch() throws Exception {
        String pk = "throws-" + System.nanoTime();
        List<DynamodbEvent> batches = new CopyOnWriteArrayList<>();
        Function<DynamodbEvent, StreamsEventResponse> handler = event -> {
            batches.add(event);
            return switch (batches.size()) {
                case 1 -> throw new IllegalStateException("the handler failed (on purpose, in a test)");
                case 2 ->
                    new StreamsEventResponse(
                            List.of(new StreamsEventResponse.BatchItemFailure("12345678901234567890")));
                case 3 -> new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(null)));
                default -> new StreamsEventResponse(List.of());
            };
        };
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.LATEST)) {
            put(pk, 1, "x");
            put(pk, 2, "y");
            try (StreamPoller poller = StreamPoller.start(reader, handler, 10, 5)) {
                await(() -> batches.size() >= 4, Duration.ofSeconds(20));
                Thread.sleep(3 * StreamPoller.INTERVAL_MILLIS);
            }
        }
        assertThat(values(batches))
                .containsExactly(List.of("x", "y"), List.of("x", "y"), List.of("x", "y"), List.of("x", "y"));
    }

    /**
     * Four writer threads and a handler that fails about one record in twenty on first sight (each retry waits a poll interval), the way
     * a handler should: it stops at the first failure. Every record is seen, and what the handler
     * applied is each record once, in sequence-number order per key.
     */
    @Test
    void aBurstFromFourThreadsIsAllDeliveredInOrderPerKeyDespiteFailures() throws Exception {
        String run = "burst-" + System.nanoTime();
        int threads = 4;
        int perThread = 125;
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        Map<String, List<BigInteger>> applied = new ConcurrentHashMap<>();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        Function<DynamodbEvent, StreamsEventResponse> handler = event -> {
            batchSizes.add(event.getRecords().size());
            event.getRecords().forEach(r -> seen.add(sequence(r)));
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
                if (Math.floorMod(sequence(record).hashCode(), 20) == 0 && failedOnce.add(sequence(record))) {
                    return failing(record);
                }
                String key = record.getDynamodb().getKeys().get("pk").getS();
                applied.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(new BigInteger(sequence(record)));
            }
            return new StreamsEventResponse();
        };
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.LATEST);
                StreamPoller poller = StreamPoller.start(reader, handler, 100, 3)) {
            ExecutorService writers = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                // a few keys per thread, each written several times: MODIFY records whose order matters
                done.add(writers.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        put(run + "-" + thread + "-" + (i % 5), 0, Integer.toString(i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
            await(
                    () -> applied.values().stream().mapToInt(List::size).sum() >= threads * perThread,
                    Duration.ofSeconds(60));
        }
        assertThat(seen).hasSize(threads * perThread);
        assertThat(failedOnce).isNotEmpty();
        assertThat(applied).hasSize(threads * 5);
        applied.forEach((key, sequences) ->
                assertThat(sequences).as(key).hasSize(perThread / 5).isSorted().doesNotHaveDuplicates());
        assertThat(batchSizes).allSatisfy(n -> assertThat(n).isBetween(1, 100));
        System.out.printf(
                "burst: %d records in %d batches (largest %d), %d first-time failures retried%n",
                seen.size(), batchSizes.size(), Collections.max(batchSizes), failedOnce.size());
    }

    @Test
    void latencyFromAWriteToTheHandler() throws Exception {
        String pk = "latency-" + System.nanoTime();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        Function<DynamodbEvent, StreamsEventResponse> handler = event -> {
            long now = System.nanoTime();
            event.getRecords().forEach(r -> seenAt.put(value(r), now));
            return new StreamsEventResponse();
        };
        List<Long> millis = new ArrayList<>();
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.LATEST);
                StreamPoller poller = StreamPoller.start(reader, handler, 100, 3)) {
            for (int i = 0; i < 20; i++) {
                String v = Integer.toString(i);
                long written = System.nanoTime();
                put(pk, i, v);
                await(() -> seenAt.containsKey(v), Duration.ofSeconds(20));
                assertThat(seenAt).containsKey(v);
                millis.add((seenAt.get(v) - written) / 1_000_000);
                Thread.sleep(37 * (i % 5)); // writes land at different points of the polling interval
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(
                "write-to-handler latency over %d writes: median %d ms, max %d ms (poll interval %d ms)%n",
                sorted.size(), sorted.get(sorted.size() / 2), sorted.getLast(), StreamPoller.INTERVAL_MILLIS);
    }

    @Test
    void closeStopsTheThread() throws Exception {
        List<DynamodbEvent> batches = new CopyOnWriteArrayList<>();
        try (TableStreamReader reader = TableStreamReader.of(Tables.endpoint(), table, StartingPosition.LATEST)) {
            StreamPoller poller = StreamPoller.start(
                    reader,
                    e -> {
                        batches.add(e);
                        return null;
                    },
                    10,
                    0);
            String name = "stream-poller-" + reader.streamArn();
            assertThat(threadsNamed(name))
                    .hasSize(1)
                    .allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
            Thread thread = threadsNamed(name).getFirst();
            put("close-" + System.nanoTime(), 1, "one");
            await(() -> !batches.isEmpty(), Duration.ofSeconds(20));
            poller.close();
            assertThat(thread.isAlive()).isFalse();
            put("close-" + System.nanoTime(), 2, "two");
            Thread.sleep(3 * StreamPoller.INTERVAL_MILLIS);
            assertThat(values(batches)).containsExactly(List.of("one"));
            poller.close(); // again: harmless
        }
    }

    private static List<Thread> threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .toList();
    }
}
