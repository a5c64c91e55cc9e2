package uk.sse.indexer;

import java.util.Map;
import org.opensearch.client.opensearch._types.VersionType;
import uk.sse.kernel.search.SearchIndices;

/**
 * What one change of the directory asks of a search index. {@code source} names where it came from (a stream
 * record's sequence number, or a scanned key) so a failure can be reported against it. Every change carries
 * the version it stands for: the index keeps a document only if no newer version reached it first.
 */
public sealed interface IndexChange {

    String source();

    SearchIndices index();

    String id();

    long version();

    VersionType versionType();

    record Put(
            String source,
            SearchIndices index,
            String id,
            long version,
            VersionType versionType,
            Map<String, Object> document)
            implements IndexChange {}

    record Delete(String source, SearchIndices index, String id, long version, VersionType versionType)
            implements IndexChange {}
}
