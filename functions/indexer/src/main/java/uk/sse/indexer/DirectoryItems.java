package uk.sse.indexer;

import org.opensearch.client.opensearch._types.VersionType;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.search.SearchIndices;
import uk.sse.kernel.taxonomy.Taxonomy;

import java.util.Optional;

/**
 * Which directory items the search indices hold, and the change each one asks for. Only the current offer
 * ({@code OFFER / CURRENT}) and school ({@code SCHOOL / PROFILE}) items are indexed; providers, offer versions
 * ({@code V#...}) and idempotency keys are not.
 */
public final class DirectoryItems {

    static final String OFFER = "OFFER";
    static final String CURRENT = "CURRENT";
    static final String SCHOOL = "SCHOOL";
    static final String PROFILE = "PROFILE";

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
        String entity = item.s("entity");
        String sk = item.s("sk");
        if (OFFER.equals(entity) && CURRENT.equals(sk)) {
            String id = item.s("id");
            long version = OfferDocuments.version(item);
            // a tombstone at the removed version: older records replayed later are refused
            return Optional.of(removed
                    ? new IndexChange.Delete(source, SearchIndices.OFFERS, id, version, VersionType.ExternalGte)
                    : new IndexChange.Put(source, SearchIndices.OFFERS, id, version, VersionType.External,
                            OfferDocuments.document(item, taxonomy)));
        }
        if (SCHOOL.equals(entity) && PROFILE.equals(sk)) {
            String urn = item.s("urn");
            return Optional.of(removed
                    ? new IndexChange.Delete(source, SearchIndices.SCHOOLS, urn, schoolVersion, VersionType.ExternalGte)
                    : new IndexChange.Put(source, SearchIndices.SCHOOLS, urn, schoolVersion, VersionType.ExternalGte,
                            SchoolDocuments.document(item, schoolVersion)));
        }
        return Optional.empty();
    }
}
