package uk.sse.web.requests;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Brokerage;
import uk.sse.web.api.Directory;
import uk.sse.web.api.Paths;
import uk.sse.web.session.Person;

/**
 * Names for the ids a request carries: each offer's title and its provider's name, read side by side from the directory.
 * An offer the person may no longer see (withdrawn, or its approval lapsed) still has its provider named.
 */
@Singleton
public class Names {

    private final Api api;

    public Names(Api api) {
        this.api = api;
    }

    /** By offer id, the names of every offer the requests' proposals and engagements name. */
    public Map<String, RequestPages.Named> of(Person person, Collection<Brokerage.Request> requests) {
        Map<String, String> providerOf = new LinkedHashMap<>();
        for (Brokerage.Request r : requests) {
            r.proposalsOrNone().forEach(p -> providerOf.put(p.offerId(), p.providerId()));
            if (r.engagement() != null) {
                providerOf.put(r.engagement().offerId(), r.engagement().providerId());
            }
        }
        Map<String, CompletableFuture<ApiReply>> offers = new HashMap<>();
        providerOf
                .keySet()
                .forEach(id -> offers.put(
                        id, api.getAsync(person, Paths.of("/offers/", id).toString())));
        Map<String, RequestPages.Named> names = new HashMap<>();
        Map<String, CompletableFuture<ApiReply>> providers = new HashMap<>();
        offers.forEach((id, call) -> {
            ApiReply reply = Api.join(call);
            if (reply.ok()) {
                Directory.Offer offer = reply.as(Directory.Offer.class);
                names.put(id, new RequestPages.Named(offer.content().title(), offer.providerName()));
            } else {
                providers.computeIfAbsent(
                        providerOf.get(id),
                        p -> api.getAsync(person, Paths.of("/providers/", p).toString()));
            }
        });
        providerOf.forEach((offer, provider) -> names.computeIfAbsent(offer, o -> {
            ApiReply reply = Api.join(providers.get(provider));
            return new RequestPages.Named(
                    "An offer no longer listed",
                    reply.ok() ? reply.as(Directory.Provider.class).name() : "A provider");
        }));
        return names;
    }
}
