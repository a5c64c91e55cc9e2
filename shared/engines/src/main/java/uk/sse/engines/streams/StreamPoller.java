package uk.sse.engines.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a handler from a stream like Lambda's event source mapping with ReportBatchItemFailures
 * and no bisection: a daemon thread polls every {@value #INTERVAL_MILLIS} ms for batches of up to
 * batchSize records. When the handler reports failed records, the next delivery starts from the
 * lowest failed sequence number and carries the rest of the batch again (at least once). A handler
 * that throws, or names a record that is not in the batch, or no record, fails the whole batch.
 *
 * <p>After maxRetries retries of the same first record, that record alone is given to the dead letters (as AWS sends
 * the batch's description to the mapping's on-failure destination) and logged at ERROR; nothing is dropped silently.
 * The reader belongs to the caller.
 */
public final class StreamPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);
    static final long INTERVAL_MILLIS = 150;

    private final TableStreamReader reader;
    private final Function<DynamodbEvent, StreamsEventResponse> handler;
    private final int batchSize;
    private final int maxRetries;
    private final java.util.function.Consumer<DynamodbEvent.DynamodbStreamRecord> deadLetters;
    private final Object wakeUp = new Object();
    private final Thread thread;
    private volatile boolean running = true;

    private List<DynamodbEvent.DynamodbStreamRecord> pending = List.of();
    private int failures; // failed deliveries starting with pending's first record

    private StreamPoller(
            TableStreamReader reader,
            Function<DynamodbEvent, StreamsEventResponse> handler,
            int batchSize,
            int maxRetries,
            java.util.function.Consumer<DynamodbEvent.DynamodbStreamRecord> deadLetters) {
        this.deadLetters = deadLetters;
        this.reader = reader;
        this.handler = handler;
        this.batchSize = batchSize;
        this.maxRetries = maxRetries;
        this.thread = Thread.ofPlatform()
                .daemon()
                .name("stream-poller-" + reader.streamArn())
                .unstarted(this::run);
    }

    public static StreamPoller start(
            TableStreamReader reader,
            Function<DynamodbEvent, StreamsEventResponse> handler,
            int batchSize,
            int maxRetries) {
        return start(reader, handler, batchSize, maxRetries, record -> {});
    }

    /** As {@link #start}, giving each record given up on to {@code deadLetters}. */
    public static StreamPoller start(
            TableStreamReader reader,
            Function<DynamodbEvent, StreamsEventResponse> handler,
            int batchSize,
            int maxRetries,
            java.util.function.Consumer<DynamodbEvent.DynamodbStreamRecord> deadLetters) {
        if (batchSize < 1 || batchSize > 1000 || maxRetries < 0) { // 1000: what one GetRecords returns at most
            throw new IllegalArgumentException(
                    "batchSize 1..1000 and maxRetries >= 0, not " + batchSize + ", " + maxRetries);
        }
        StreamPoller poller = new StreamPoller(reader, handler, batchSize, maxRetries, deadLetters);
        poller.thread.start();
        return poller;
    }

    private void run() {
        while (running) {
            boolean more;
            try {
                more = deliver();
            } catch (RuntimeException e) {
                LOG.error("polling {} failed; trying again", reader.streamArn(), e);
                more = false;
            }
            if (!more) {
                synchronized (wakeUp) {
                    try {
                        if (running) {
                            wakeUp.wait(INTERVAL_MILLIS);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** One invocation of the handler; true when it succeeded and the stream may hold more right away. */
    private boolean deliver() {
        if (pending.isEmpty()) {
            pending = reader.poll(batchSize).getRecords();
            failures = 0;
            if (pending.isEmpty()) {
                return false;
            }
        }
        int failedAt = firstFailure(StreamEvents.event(new ArrayList<>(pending)));
        if (failedAt < 0) {
            pending = List.of();
            return true;
        }
        if (failedAt > 0) { // the records before it are done
            pending = List.copyOf(pending.subList(failedAt, pending.size()));
            failures = 0;
        }
        if (++failures > maxRetries) {
            DynamodbEvent.DynamodbStreamRecord dropped = pending.getFirst();
            LOG.error(
                    "GIVING UP on stream record {} ({} {}) of {} after {} retries; it goes to the dead letters",
                    dropped.getDynamodb().getSequenceNumber(),
                    dropped.getEventName(),
                    dropped.getDynamodb().getKeys(),
                    reader.streamArn(),
                    maxRetries);
            try {
                deadLetters.accept(dropped);
            } catch (RuntimeException unkept) {
                LOG.error(
                        "the dead letter of stream record {} could not be kept",
                        dropped.getDynamodb().getSequenceNumber(),
                        unkept);
            }
            pending = List.copyOf(pending.subList(1, pending.size()));
            failures = 0;
        }
        return false; // wait an interval before the retry
    }

    /** The index in the batch of the lowest failed sequence number, or -1 when all succeeded. */
    private int firstFailure(DynamodbEvent batch) {
        List<DynamodbEvent.DynamodbStreamRecord> records = batch.getRecords();
        StreamsEventResponse response;
        try {
            response = handler.apply(batch);
        } catch (RuntimeException e) {
            LOG.warn(
                    "handler failed on a batch of {} records from {}; retrying all of it",
                    records.size(),
                    reader.streamArn(),
                    e);
            return 0;
        }
        if (response == null
                || response.getBatchItemFailures() == null
                || response.getBatchItemFailures().isEmpty()) {
            return -1;
        }
        int lowest = Integer.MAX_VALUE;
        for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            int index = id == null ? -1 : indexOf(records, id);
            if (index < 0) {
                LOG.warn("handler reported failure of {}, not a record of the batch: the whole batch failed", id);
                return 0;
            }
            lowest = Math.min(lowest, index);
        }
        return lowest;
    }

    private static int indexOf(List<DynamodbEvent.DynamodbStreamRecord> records, String sequenceNumber) {
        BigInteger wanted;
        try {
            wanted = new BigInteger(sequenceNumber.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
        for (int i = 0; i < records.size(); i++) {
            if (new BigInteger(records.get(i).getDynamodb().getSequenceNumber()).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** Stops the thread and waits for it; a handler call under way is let finish. */
    @Override
    public void close() {
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
