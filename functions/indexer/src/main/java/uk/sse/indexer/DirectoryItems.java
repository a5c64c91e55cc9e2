package uk.sse.indexer;

import java.util.Optional;
import org.opensearch.client.opensearch._types.VersionType;
import uk.sse.contracts.directory.PublishedItems;
import uk.sse.contracts.directory.PublishedOffer;
import uk.sse.contracts.directory.PublishedSchool;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.search.SearchIndices;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * Which directory items the search indices hold, and the change each one asks for: the directory's published state
 * ({@link PublishedItems}), its current offers and its schools, read only through their records; its other items are
 * not indexed.
 */
public final class DirectoryItems {

    private final Taxonomy taxonomy;

    public DirectoryItems(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * The change an item asks for. Offers carry their own version and are written with external versioning:
     * equal or older is refused. Schools carry none, so the caller gives {@code schoolVersion}, a time in
     * epoch millis, written with external_gte (see {@link StreamChanges} for why that converges).
     */
    public Optional<IndexChange> change(String source, Items item, boolean removed, long schoolVersion) {
        return PublishedItems.read(item.attributes()).<IndexChange>map(published -> switch (published) {
            case PublishedOffer offer -> {
                long version = OfferDocuments.version(offer);
                // a tombstone at the removed version: older records replayed later are refused
                yield removed
                        ? new IndexChange.Delete(
                                source, SearchIndices.OFFERS, offer.id(), version, VersionType.ExternalGte)
                        : new IndexChange.Put(
                                source,
                                SearchIndices.OFFERS,
                                offer.id(),
                                version,
                                VersionType.External,
                                OfferDocuments.document(offer, taxonomy));
            }
            case PublishedSchool school ->
                removed
                        ? new IndexChange.Delete(
                                source, SearchIndices.SCHOOLS, school.urn(), schoolVersion, VersionType.ExternalGte)
                        : new IndexChange.Put(
                                source,
                                SearchIndices.SCHOOLS,
                                school.urn(),
                                schoolVersion,
                                VersionType.ExternalGte,
                                SchoolDocuments.document(school, schoolVersion));
        });
    }
}
