package uk.sse.directory.application;

import java.util.Optional;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/** Where providers are kept. Writes are conditional, so a lost race is reported, never overwritten. */
public interface ProviderStore {

    Optional<Provider> find(String id);

    /** False if a provider with this id already exists. */
    boolean create(Provider provider);

    /** False if the stored version is no longer {@code expectedVersion}. */
    boolean update(Provider provider, long expectedVersion);

    /**
     * As {@link #update(Provider, long)}, with the event that reports the change written in the same transaction (so
     * the stream carries both or neither).
     */
    boolean update(Provider provider, long expectedVersion, DirectoryEvent event);

    Page<Provider> inArea(String area, PageRequest page);
}
