package uk.sse.indexer;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch of the directory table's stream records to the search indices in one bulk request and
 * names the records that did not land, so that they (and what follows them) are delivered again.
 */
@Singleton
public class DirectoryChangeIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryChangeIndexer.class);

    private final StreamChanges streamChanges;
    private final BulkWriter writer;
    private final IndexAliases aliases;
    private final OfferEmbeddings embeddings;

    public DirectoryChangeIndexer(
            StreamChanges streamChanges, BulkWriter writer, IndexAliases aliases, OfferEmbeddings embeddings) {
        this.streamChanges = streamChanges;
        this.writer = writer;
        this.aliases = aliases;
        this.embeddings = embeddings;
    }

    /** The sequence numbers of the records that failed, in the order they came. */
    public List<String> index(List<DynamodbStreamRecord> records) {
        Set<String> failed = new LinkedHashSet<>();
        List<IndexChange> changes = new ArrayList<>();
        for (DynamodbStreamRecord record : records) {
            try {
                streamChanges.of(record).ifPresent(changes::add);
            } catch (RuntimeException unreadable) {
                // kept failing, it goes to the mapping's dead-letter queue rather than vanish
                LOG.error("cannot read stream record {}", record.getDynamodb().getSequenceNumber(), unreadable);
                failed.add(record.getDynamodb().getSequenceNumber());
            }
        }
        failed.addAll(writer.write(embeddings.embed(changes), aliases::writeTargets));
        return records.stream()
                .map(r -> r.getDynamodb().getSequenceNumber())
                .filter(failed::contains)
                .toList();
    }
}
