package uk.sse.indexer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.search.SearchIndices;

/**
 * Rebuilds an index from the directory table behind its alias, with no moment where search is empty:
 * <ol>
 *   <li>a new index is made with the {@code -next} alias on it, so the stream handler writes there too;</li>
 *   <li>the table is scanned and every item written to it with its version;</li>
 *   <li>one {@code _aliases} call moves the alias to the new index and drops {@code -next};</li>
 *   <li>after a grace period for searches still running on it, the old index is deleted.</li>
 * </ol>
 * If anything fails before the move, the new index is deleted and the live one is untouched.
 */
public final class IndexRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRebuild.class);
    private static final int ATTEMPTS = 3;

    private final OpenSearchClient client;
    private final IndexAliases aliases;
    private final BulkWriter writer;
    private final DirectoryScan scan;
    private final OfferEmbeddings embeddings;
    private final Clock clock;
    private final Duration oldIndexGrace;

    public IndexRebuild(
            OpenSearchClient client,
            IndexAliases aliases,
            BulkWriter writer,
            DirectoryScan scan,
            OfferEmbeddings embeddings,
            Clock clock,
            Duration oldIndexGrace) {
        this.client = client;
        this.aliases = aliases;
        this.writer = writer;
        this.scan = scan;
        this.embeddings = embeddings;
        this.clock = clock;
        this.oldIndexGrace = oldIndexGrace;
    }

    /** Rebuilds and returns the name of the new index. */
    public String rebuild(SearchIndices which) {
        aliases.ensure(which);
        String next = IndexAliases.nextAlias(which);
        Set<String> building = aliases.indicesBehind(next);
        if (!building.isEmpty()) {
            throw new IllegalStateException("a rebuild of " + which.alias() + " is running or was interrupted: " + next
                    + " points at " + building + "; delete that index to start again");
        }
        Set<String> old = aliases.indicesBehind(which.alias());
        String index = aliases.newIndexName(which);
        long started = System.nanoTime();
        aliases.create(which, index, next, null);
        long documents;
        try {
            documents = fill(which, next);
            client.indices().refresh(r -> r.index(index));
            client.indices().updateAliases(u -> {
                u.actions(
                        a -> a.add(add -> add.index(index).alias(which.alias()).isWriteIndex(true)));
                old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(which.alias()))));
                return u.actions(a -> a.remove(r -> r.index(index).alias(next)));
            });
        } catch (IOException | RuntimeException e) {
            deleteQuietly(client, index);
            throw new IllegalStateException(
                    "rebuild of " + which.alias() + " abandoned; the live index is unchanged", e);
        }
        LOG.info(
                "{} now points at {} ({} documents in {} ms)",
                which.alias(),
                index,
                documents,
                (System.nanoTime() - started) / 1_000_000);
        pause(oldIndexGrace);
        old.forEach(o -> deleteQuietly(client, o));
        return index;
    }

    private long fill(SearchIndices which, String next) {
        long scanStarted = clock.millis();
        long written = 0;
        try (Stream<List<IndexChange>> pages = scan.pages(which, scanStarted)) {
            for (List<IndexChange> page : (Iterable<List<IndexChange>>) pages::iterator) {
                List<IndexChange> pending = embeddings.embed(page);
                for (int attempt = 1; !pending.isEmpty(); attempt++) {
                    Set<String> failed = writer.write(pending, w -> List.of(next));
                    if (!failed.isEmpty() && attempt == ATTEMPTS) {
                        throw new IllegalStateException(failed.size() + " items could not be indexed, e.g. "
                                + failed.iterator().next());
                    }
                    pending = pending.stream()
                            .filter(c -> failed.contains(c.source()))
                            .toList();
                }
                written += page.size();
            }
        }
        return written;
    }

    private static void pause(Duration grace) {
        try {
            Thread.sleep(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(OpenSearchClient client, String index) {
        try {
            client.indices().delete(d -> d.index(index));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete {}: {}", index, e.toString());
        }
    }
}
