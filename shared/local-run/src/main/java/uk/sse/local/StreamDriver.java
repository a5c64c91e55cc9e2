package uk.sse.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.function.aws.MicronautRequestHandler;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.StreamPoller;
import uk.sse.engines.streams.TableStreamReader;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables' streams driving a stream consumer's Lambda handler, as its event source mappings do in AWS (one per
 * table): the handler runs with an application context of its own, fed batches of real {@code DynamodbEvent}s,
 * retried from the first failed record.
 */
final class StreamDriver implements AutoCloseable {

    static final int BATCH_SIZE = 500;
    static final int MAX_RETRIES = 5;

    private final MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> handler;
    private final List<TableStreamReader> readers = new ArrayList<>();
    private final List<StreamPoller> pollers = new ArrayList<>();

    private StreamDriver(MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        this.handler = handler;
    }

    static StreamDriver start(URI dynamo, String table, MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        return start(dynamo, List.of(table), BATCH_SIZE, handler);
    }

    static StreamDriver start(URI dynamo, List<String> tables, int batchSize,
                              MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        StreamDriver driver = new StreamDriver(handler);
        try {
            for (String table : tables) {
                TableStreamReader reader = TableStreamReader.of(dynamo, table, StartingPosition.TRIM_HORIZON);
                driver.readers.add(reader);
                driver.pollers.add(StreamPoller.start(reader, event -> handler.handleRequest(event, null), batchSize, MAX_RETRIES));
            }
            return driver;
        } catch (RuntimeException failed) {
            driver.close();
            throw failed;
        }
    }

    @Override
    public void close() {
        pollers.forEach(StreamPoller::close);
        readers.forEach(TableStreamReader::close);
        handler.close();
    }
}
