package uk.sse.local.demo;

import uk.sse.directory.application.OfferStore;
import uk.sse.directory.application.Page;
import uk.sse.directory.application.PageRequest;
import uk.sse.directory.application.ProviderStore;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.model.Provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Map-backed stores that keep what they are given and count the writes; only what loading uses is implemented. */
final class InMemoryStores {

    final Map<String, Provider> providers = new LinkedHashMap<>();
    final Map<String, Offer> offers = new LinkedHashMap<>();
    int offerCreates;

    final ProviderStore providerStore = new ProviderStore() {
        @Override
        public Optional<Provider> find(String id) {
            return Optional.ofNullable(providers.get(id));
        }

        @Override
        public boolean create(Provider provider) {
            return providers.putIfAbsent(provider.id(), provider) == null;
        }

        @Override
        public boolean update(Provider provider, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Provider> inArea(String area, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    };

    final OfferStore offerStore = new OfferStore() {
        @Override
        public Optional<Offer> find(String id) {
            return Optional.ofNullable(offers.get(id));
        }

        @Override
        public void create(Offer offer) {
            offerCreates++;
            if (offers.putIfAbsent(offer.id(), offer) != null) {
                throw new IllegalStateException("offer id " + offer.id() + " collided with an existing offer"); // as the DynamoDB store does
            }
        }

        @Override
        public boolean update(Offer offer, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Offer> versions(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Offer> inStatus(OfferStatus status, String area, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Offer> ofProvider(String providerId, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    };
}
