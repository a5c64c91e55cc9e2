package uk.sse.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.StreamPoller;
import uk.sse.engines.streams.TableStreamReader;

/**
 * Tables' streams driving a stream consumer's Lambda handler, as its event source mappings do in AWS (one per
 * table): the handler runs with an application context of its own, fed batches of real {@code DynamodbEvent}s,
 * retried from the first failed record; a record failed on through every retry goes to the consumer's
 * {@link DeadLetters}, from which it can be replayed.
 */
final class StreamDriver implements AutoCloseable {

    static final int BATCH_SIZE = 500;
    static final int MAX_RETRIES = 5;

    /** Where each consumer's dead letters are kept, beside the engines: {@code .local/dead-letters/<consumer>/}. */
    static final Path DEAD_LETTERS = Path.of(System.getProperty("sse.dead-letters.dir", ".local/dead-letters"));

    private final MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> handler;
    private final DeadLetters deadLetters;
    private final List<TableStreamReader> readers = new ArrayList<>();
    private final List<StreamPoller> pollers = new ArrayList<>();

    private StreamDriver(
            MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> handler, DeadLetters deadLetters) {
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    static StreamDriver start(
            URI dynamo, String table, MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        return start(dynamo, List.of(table), BATCH_SIZE, handler);
    }

    static StreamDriver start(
            URI dynamo,
            List<String> tables,
            int batchSize,
            MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        StreamDriver driver = new StreamDriver(
                handler,
                new DeadLetters(
                        DEAD_LETTERS,
                        consumerName(handler),
                        handler.getApplicationContext().getBean(JsonMapper.class)));
        try {
            for (String table : tables) {
                TableStreamReader reader = TableStreamReader.of(dynamo, table, StartingPosition.TRIM_HORIZON);
                driver.readers.add(reader);
                driver.pollers.add(StreamPoller.start(
                        reader,
                        event -> handler.handleRequest(event, null),
                        batchSize,
                        MAX_RETRIES,
                        driver.deadLetters::keep));
            }
            return driver;
        } catch (RuntimeException failed) {
            driver.close();
            throw failed;
        }
    }

    /** The consumer's name for its dead letters: its handler class, e.g. {@code ProjectEvents}. */
    private static String consumerName(Object handler) {
        return handler.getClass().getSimpleName();
    }

    /** Hands the dead letters asked for back to the consumer (see {@link DeadLetters}). */
    int replayDeadLetters() {
        return deadLetters.replay(handler);
    }

    DeadLetters deadLetters() {
        return deadLetters;
    }

    @Override
    public void close() {
        pollers.forEach(StreamPoller::close);
        readers.forEach(TableStreamReader::close);
        handler.close();
    }
}
