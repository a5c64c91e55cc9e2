package uk.sse.indexer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.search.SearchIndices;

/**
 * Writes index changes with the Bulk API to every alias they must reach, and says which changes did not
 * land. A version conflict means the index already holds this or a newer state, so it counts as landed, and
 * so does deleting what is not there. Only aliases are written ({@code require_alias}): a missing alias must
 * fail, never create an index of that name with guessed mappings.
 */
public final class BulkWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
    static final int OPERATIONS_PER_REQUEST = 1_000;

    private final OpenSearchClient client;

    public BulkWriter(OpenSearchClient client) {
        this.client = client;
    }

    /** The sources of the changes that did not reach every target. */
    public Set<String> write(List<IndexChange> changes, Function<SearchIndices, List<String>> targets) {
        Set<String> failed = new LinkedHashSet<>();
        List<BulkOperation> operations = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Set<String> reachingLive = new HashSet<>();
        Map<SearchIndices, List<String>> resolved = new EnumMap<>(SearchIndices.class);
        for (IndexChange change : changes) {
            List<String> aliases = resolved.computeIfAbsent(change.index(), index -> resolve(index, targets));
            if (aliases.isEmpty()) {
                failed.add(change.source());
            }
            for (String alias : aliases) {
                operations.add(operation(change, alias));
                sources.add(change.source());
                if (alias.equals(change.index().alias())) {
                    reachingLive.add(change.source());
                }
            }
        }
        for (int from = 0; from < operations.size(); from += OPERATIONS_PER_REQUEST) {
            int to = Math.min(from + OPERATIONS_PER_REQUEST, operations.size());
            send(operations.subList(from, to), sources.subList(from, to), reachingLive, failed);
        }
        return failed;
    }

    /** The aliases to write, or none if they cannot be found out (the changes then fail). */
    private static List<String> resolve(SearchIndices index, Function<SearchIndices, List<String>> targets) {
        try {
            return targets.apply(index);
        } catch (RuntimeException unreachable) {
            LOG.warn("cannot resolve the {} aliases: {}", index.alias(), unreachable.toString());
            return List.of();
        }
    }

    private void send(
            List<BulkOperation> operations, List<String> sources, Set<String> reachingLive, Set<String> failed) {
        BulkResponse response;
        try {
            response = client.bulk(b -> b.requireAlias(true).operations(operations));
        } catch (Exception unreachable) {
            LOG.warn("bulk of {} operations failed: {}", operations.size(), unreachable.toString());
            failed.addAll(sources);
            return;
        }
        LOG.debug("bulk of {} operations took {} ms in OpenSearch", operations.size(), response.took());
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() != null
                    && item.status() != 409
                    && !rebuildEndedMeanwhile(item, sources.get(i), reachingLive)) {
                LOG.warn(
                        "{} {} refused: {} {}",
                        item.index(),
                        item.id(),
                        item.error().type(),
                        item.error().reason());
                failed.add(sources.get(i));
            }
        }
    }

    /**
     * A rebuild's {@code -next} alias that vanished between resolving the targets and writing means the
     * rebuild ended (its index is now live, or it was abandoned and deleted); the same bulk wrote the change
     * to the live alias, which the change's own item reports on, so this item is not a failure.
     */
    private static boolean rebuildEndedMeanwhile(BulkResponseItem item, String source, Set<String> reachingLive) {
        return item.status() == 404 && item.index().endsWith(IndexAliases.NEXT_SUFFIX) && reachingLive.contains(source);
    }

    private static BulkOperation operation(IndexChange change, String alias) {
        return switch (change) {
            case IndexChange.Put put ->
                BulkOperation.of(o -> o.index(i -> i.index(alias)
                        .id(put.id())
                        .version(put.version())
                        .versionType(put.versionType())
                        .document(put.document())));
            case IndexChange.Delete delete ->
                BulkOperation.of(o -> o.delete(d ->
                        d.index(alias).id(delete.id()).version(delete.version()).versionType(delete.versionType())));
        };
    }
}
