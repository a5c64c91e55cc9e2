package uk.sse.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.function.aws.MicronautRequestHandler;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.StreamPoller;
import uk.sse.engines.streams.TableStreamReader;

import java.net.URI;

/**
 * A table's stream driving a stream consumer's Lambda handler, as the event source mapping does in AWS: the handler
 * runs with an application context of its own, fed batches of real {@code DynamodbEvent}s, retried from the first
 * failed record.
 */
final class StreamDriver implements AutoCloseable {

    static final int BATCH_SIZE = 500;
    static final int MAX_RETRIES = 5;

    private final MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> handler;
    private final TableStreamReader reader;
    private final StreamPoller poller;

    private StreamDriver(MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> handler, TableStreamReader reader, StreamPoller poller) {
        this.handler = handler;
        this.reader = reader;
        this.poller = poller;
    }

    static StreamDriver start(URI dynamo, String table, MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        TableStreamReader reader = TableStreamReader.of(dynamo, table, StartingPosition.TRIM_HORIZON);
        StreamPoller poller = StreamPoller.start(reader, event -> handler.handleRequest(event, null), BATCH_SIZE, MAX_RETRIES);
        return new StreamDriver(handler, reader, poller);
    }

    @Override
    public void close() {
        poller.close();
        reader.close();
        handler.close();
    }
}
