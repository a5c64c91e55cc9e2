package uk.sse.engines.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's stream (all shards, following shard lineage: parents before children) from
 * TRIM_HORIZON or LATEST, and converts what it reads to Lambda's {@link DynamodbEvent}.
 *
 * <p>Each {@link #poll} returns records of one shard only, in sequence-number order, as one Lambda
 * invocation would carry them. Calls are serialised: one reader serves one consumer.
 */
public final class TableStreamReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TableStreamReader.class);
    private static final Region REGION = Region.EU_WEST_2;
    private static final int MAX_GET_RECORDS = 1000; // the GetRecords limit
    private static final long SHARD_REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, Shard> shards = new LinkedHashMap<>();
    private long lastRefresh;
    private boolean refreshNow;
    private int cursor;

    private static final class Shard {
        final String id;
        final String parentId;
        ShardIteratorType startType = ShardIteratorType.TRIM_HORIZON;
        String iterator;
        String lastSequenceNumber;
        boolean ended;
        boolean closed; // no more records will be added; some may be left to read

        Shard(String id, String parentId) {
            this.id = id;
            this.parentId = parentId;
        }
    }

    private TableStreamReader(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = streams;
        this.streamArn = streamArn;
    }

    public static TableStreamReader of(URI dynamoEndpoint, String tableName, StartingPosition from) {
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        String streamArn;
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(dynamoEndpoint)
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            streamArn =
                    dynamo.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
        }
        if (streamArn == null) {
            throw new IllegalArgumentException("table " + tableName + " has no stream");
        }
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(dynamoEndpoint)
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        TableStreamReader reader = new TableStreamReader(streams, streamArn);
        try {
            reader.open(from);
        } catch (RuntimeException e) {
            streams.close();
            throw e;
        }
        return reader;
    }

    public String streamArn() {
        return streamArn;
    }

    /** LATEST is taken now, for every open shard: whatever is written after {@code of} returns is read. */
    private synchronized void open(StartingPosition from) {
        refreshShards();
        if (from == StartingPosition.LATEST) {
            for (Shard shard : shards.values()) {
                if (shard.closed) {
                    shard.ended = true; // nothing will come after its end
                    continue;
                }
                shard.startType = ShardIteratorType.LATEST;
                shard.iterator = iterator(shard);
            }
        }
    }

    /** The records that arrived since the last call (may be empty), at most maxRecords (and 1000), as one event. */
    public synchronized DynamodbEvent poll(int maxRecords) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be positive: " + maxRecords);
        }
        for (int pass = 0; pass < 2; pass++) { // a second pass reads the children of a shard that just ended
            if (refreshNow || System.nanoTime() - lastRefresh > SHARD_REFRESH_NANOS) {
                refreshShards();
            }
            List<Shard> readable =
                    shards.values().stream().filter(this::readable).toList();
            for (int i = 0; i < readable.size(); i++) {
                Shard shard = readable.get((cursor + i) % readable.size());
                List<Record> records = read(shard, Math.min(maxRecords, MAX_GET_RECORDS));
                if (!records.isEmpty()) {
                    cursor++; // the next poll starts with another shard: none starves
                    return StreamEvents.event(records.stream()
                            .map(r -> StreamEvents.record(r, streamArn, REGION.id()))
                            .toList());
                }
            }
            if (!refreshNow) {
                break;
            }
        }
        return StreamEvents.event(List.of());
    }

    /** Polls until at least n records in total have been read or the timeout passes; for tests. */
    public List<DynamodbEvent.DynamodbStreamRecord> readAtLeast(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        while (records.size() < n && System.nanoTime() - deadline < 0) {
            List<DynamodbEvent.DynamodbStreamRecord> polled =
                    poll(MAX_GET_RECORDS).getRecords();
            records.addAll(polled);
            if (polled.isEmpty()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return records;
    }

    /** A child shard waits until its parent is read to the end, unless the parent has been trimmed away. */
    private boolean readable(Shard shard) {
        if (shard.ended) {
            return false;
        }
        Shard parent = shard.parentId == null ? null : shards.get(shard.parentId);
        return parent == null || parent.ended;
    }

    private List<Record> read(Shard shard, int limit) {
        for (int attempt = 0; ; attempt++) {
            if (shard.iterator == null) {
                shard.iterator = iterator(shard);
            }
            try {
                String iterator = shard.iterator;
                GetRecordsResponse response =
                        streams.getRecords(b -> b.shardIterator(iterator).limit(limit));
                List<Record> records = response.records();
                if (!records.isEmpty()) {
                    shard.lastSequenceNumber = records.getLast().dynamodb().sequenceNumber();
                }
                shard.iterator = response.nextShardIterator();
                if (shard.iterator == null) { // closed and read to the end: its children may start
                    shard.ended = true;
                    refreshNow = true;
                }
                return records;
            } catch (ExpiredIteratorException e) {
                // iterators live 15 minutes; resume after the last record read
                LOG.info("shard iterator of {} expired; renewing it", shard.id);
                shard.iterator = null;
                if (attempt > 0) {
                    throw e;
                }
            } catch (TrimmedDataAccessException e) {
                // DynamoDB Local, under load, has refused an iterator it had just issued, for good: start the shard
                // again from its oldest record. Consumers are idempotent, so a record read twice is harmless.
                LOG.warn("shard {} refused its iterator as trimmed; reading it again from its oldest record", shard.id);
                shard.iterator = null;
                shard.lastSequenceNumber = null;
                shard.startType = ShardIteratorType.TRIM_HORIZON;
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private String iterator(Shard shard) {
        try {
            ShardIteratorType type =
                    shard.lastSequenceNumber != null ? ShardIteratorType.AFTER_SEQUENCE_NUMBER : shard.startType;
            return streams.getShardIterator(b -> b.streamArn(streamArn)
                            .shardId(shard.id)
                            .shardIteratorType(type)
                            .sequenceNumber(shard.lastSequenceNumber))
                    .shardIterator();
        } catch (TrimmedDataAccessException e) {
            LOG.error(
                    "records of shard {} were trimmed (older than 24 h) before they were read; reading from the oldest left",
                    shard.id);
            return streams.getShardIterator(b ->
                            b.streamArn(streamArn).shardId(shard.id).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
        }
    }

    private void refreshShards() {
        String start = null;
        do {
            String exclusiveStart = start;
            StreamDescription description = streams.describeStream(
                            b -> b.streamArn(streamArn).exclusiveStartShardId(exclusiveStart))
                    .streamDescription();
            description
                    .shards()
                    .forEach(s -> shards.computeIfAbsent(s.shardId(), id -> new Shard(id, s.parentShardId())).closed =
                            s.sequenceNumberRange().endingSequenceNumber() != null);
            start = description.lastEvaluatedShardId();
        } while (start != null);
        lastRefresh = System.nanoTime();
        refreshNow = false;
    }

    @Override
    public synchronized void close() {
        streams.close();
    }
}
