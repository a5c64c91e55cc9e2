package uk.sse.indexer;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.opensearch.client.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.embeddings.SentenceEmbeddings;
import uk.sse.kernel.taxonomy.Taxonomy;

/** The indexer's plain classes as beans, so the handler and the rebuild command share one wiring. */
@Factory
public class IndexerBeans {

    @Singleton
    DirectoryItems directoryItems() {
        return new DirectoryItems(Taxonomy.standard());
    }

    @Singleton
    StreamChanges streamChanges(DirectoryItems items) {
        return new StreamChanges(items);
    }

    @Singleton
    BulkWriter bulkWriter(OpenSearchClient client) {
        return new BulkWriter(client);
    }

    @Singleton
    IndexAliases indexAliases(OpenSearchClient client, Clock clock) {
        return new IndexAliases(client, clock);
    }

    /** The model is the JVM's one, loaded when the first offer is embedded. */
    @Singleton
    OfferEmbeddings offerEmbeddings(OpenSearchClient client) {
        return new OfferEmbeddings(client, texts -> SentenceEmbeddings.shared().embedAll(texts));
    }

    @Singleton
    IndexRebuild indexRebuild(
            OpenSearchClient client,
            IndexAliases aliases,
            BulkWriter writer,
            DynamoDbClient dynamo,
            DirectoryItems items,
            OfferEmbeddings embeddings,
            IndexerSettings settings,
            Clock clock) {
        return new IndexRebuild(
                client,
                aliases,
                writer,
                new DirectoryScan(dynamo, settings.directoryTable(), items),
                embeddings,
                clock,
                settings.oldIndexGrace());
    }
}
