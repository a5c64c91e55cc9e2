package uk.sse.brokerage.application;

import jakarta.inject.Singleton;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Policy;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/**
 * One request, to those who may see it, and the listings each role works from: a broker's queue (most urgent, then
 * oldest, first), an adviser's or admin's area (newest first), a school's own requests, and the requests with
 * proposals addressed to a provider.
 */
@Singleton
public class ReadRequests {

    /** Whose requests a listing is of. */
    public enum Listing {
        QUEUE,
        AREA,
        SCHOOL,
        ADDRESSED
    }

    private final RequestStore store;

    public ReadRequests(RequestStore store) {
        this.store = store;
    }

    public Outcome<BrokerageRequest> one(Caller caller, String id) {
        return store.find(id)
                .filter(r -> Policy.maySee(Actors.of(caller, r), r))
                .<Outcome<BrokerageRequest>>map(Outcome::done)
                .orElseGet(() -> Outcome.notFound("request " + id));
    }

    /** The listing a caller works from, unless they ask for another they may have. */
    public static Listing defaultListing(Caller caller) {
        return switch (caller.role()) {
            case BROKER -> Listing.QUEUE;
            case PROVIDER -> Listing.SCHOOL;
            default -> Listing.AREA;
        };
    }

    public Outcome<Page<BrokerageRequest>> list(
            Caller caller, Listing listing, RequestFilter filter, PageRequest page) {
        boolean areaRole = caller.is(Role.BROKER) || caller.is(Role.ADVISER) || caller.is(Role.ADMIN);
        return switch (listing) {
            case QUEUE, AREA -> {
                if (!areaRole || caller.area() == null) {
                    yield Outcome.forbidden("only brokers, advisers and admins of an area list its requests");
                }
                boolean queue = listing == Listing.QUEUE && (filter.statuses().isEmpty() || filter.onlyQueued());
                yield Outcome.done(
                        queue ? store.queue(caller.area(), filter, page) : store.inArea(caller.area(), filter, page));
            }
            case SCHOOL ->
                caller.is(Role.PROVIDER) && caller.organisation() != null
                        ? Outcome.done(store.ofSchool(caller.organisation(), filter, page))
                        : Outcome.forbidden("only a school lists its own requests");
            case ADDRESSED ->
                caller.is(Role.PROVIDER) && caller.organisation() != null
                        ? Outcome.done(store.addressedTo(caller.organisation(), filter, page))
                        : Outcome.forbidden("only a provider lists the requests proposed to it");
        };
    }
}
