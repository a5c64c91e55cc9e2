package uk.sse.local;

import io.micronaut.context.ApplicationContext;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.StreamPoller;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.indexer.IndexDirectoryChanges;

import java.net.URI;
import java.util.Map;

/**
 * The directory table's stream driving the indexer, as the Lambda event source mapping does in AWS: the
 * indexer runs with an application context of its own, fed batches of real {@code DynamodbEvent}s.
 */
final class DirectoryStreamToIndex implements AutoCloseable {

    static final int BATCH_SIZE = 500;
    static final int MAX_RETRIES = 5;

    private final IndexDirectoryChanges indexer;
    private final TableStreamReader reader;
    private final StreamPoller poller;

    private DirectoryStreamToIndex(IndexDirectoryChanges indexer, TableStreamReader reader, StreamPoller poller) {
        this.indexer = indexer;
        this.reader = reader;
        this.poller = poller;
    }

    static DirectoryStreamToIndex start(URI dynamo, URI openSearch, String directoryTable) {
        IndexDirectoryChanges indexer = new IndexDirectoryChanges(ApplicationContext.builder().properties(Map.of(
                "sse.aws.endpoint", dynamo.toString(),
                "sse.opensearch.url", openSearch.toString(),
                "sse.indexer.directory-table", directoryTable)));
        TableStreamReader reader = TableStreamReader.of(dynamo, directoryTable, StartingPosition.TRIM_HORIZON);
        StreamPoller poller = StreamPoller.start(reader, event -> indexer.handleRequest(event, null), BATCH_SIZE, MAX_RETRIES);
        return new DirectoryStreamToIndex(indexer, reader, poller);
    }

    @Override
    public void close() {
        poller.close();
        reader.close();
        indexer.close();
    }
}
