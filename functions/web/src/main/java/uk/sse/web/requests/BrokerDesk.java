package uk.sse.web.requests;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Brokerage;
import uk.sse.web.api.Directory;
import uk.sse.web.api.Ledger;
import uk.sse.web.api.Paths;
import uk.sse.web.pages.Labels;
import uk.sse.web.session.Person;

/**
 * The broker's side of a request's page: the school's context (the register's facts, its credits, its other requests in
 * hand), the suggestions stored with the request, and the request's history in words.
 */
@Singleton
public class BrokerDesk {

    static final List<String> IN_HAND = List.of("OPEN", "PROPOSED", "ACCEPTED", "AGREED", "IN_DELIVERY", "COMPLETED");
    private static final Map<String, String> DONE = Map.ofEntries(
            Map.entry("RAISE", "Raised"),
            Map.entry("PROPOSE", "Support proposed"),
            Map.entry("ACCEPT", "A proposal accepted"),
            Map.entry("DECLINE", "A proposal declined"),
            Map.entry("AGREE", "Agreed: credits held"),
            Map.entry("START_DELIVERY", "Delivery started"),
            Map.entry("COMPLETE", "Delivery recorded"),
            Map.entry("EVALUATE", "Rated"),
            Map.entry("CANCEL", "Cancelled"),
            Map.entry("WITHDRAW", "Withdrawn by the school"),
            Map.entry("RELEASE_HOLD", "Credits released: an agreement was not completed"));
    private static final Map<String, String> WHO = Map.of(
            "ADVISER",
            "The adviser",
            "BROKER",
            "A broker",
            "PROVIDER",
            "The school or provider",
            "SERVICE",
            "The exchange itself",
            "ADMIN",
            "An administrator");

    private final Api api;

    /** How many offers a search from the request's page shows. */
    static final int FOUND = 10;

    public BrokerDesk(Api api) {
        this.api = api;
    }

    /** The desk beside the request; {@code school} is the register's answer for its school, already asked for. */
    public RequestPages.Desk of(Person person, Brokerage.Request r, String find, CompletableFuture<ApiReply> school) {
        boolean searching = r.allows("PROPOSE") && find != null && !find.isBlank();
        CompletableFuture<ApiReply> search = searching
                ? api.getAsync(
                        person,
                        Paths.of("/search/offers")
                                .query("q", find.strip())
                                .query("size", FOUND)
                                .toString())
                : null;
        CompletableFuture<ApiReply> account = api.getAsync(
                person, Paths.of("/accounts/", r.area(), "/", r.urn()).toString());
        CompletableFuture<ApiReply> others = api.getAsync(
                person,
                Paths.of("/requests")
                        .query("listing", "queue")
                        .query("urn", r.urn())
                        .query("status", IN_HAND)
                        .query("limit", 50)
                        .toString());
        Set<String> live = r.proposalsOrNone().stream()
                .filter(p -> "PROPOSED".equals(p.status()) || "ACCEPTED".equals(p.status()))
                .map(Brokerage.Proposal::offerId)
                .collect(Collectors.toSet());
        boolean mayPropose = r.allows("PROPOSE");
        List<RequestPages.SuggestionView> suggestions = r.suggestions() == null
                ? List.of()
                : r.suggestions().stream()
                        .map(s -> new RequestPages.SuggestionView(
                                s.title() == null ? "An offer" : s.title(),
                                s.providerName() == null ? "A provider" : s.providerName(),
                                s.priceCredits() == null ? "" : Labels.credits(s.priceCredits()),
                                Labels.distance(s.distanceKm()),
                                s.liked(),
                                mayPropose && !live.contains(s.offerId())
                                        ? Paths.of("/support-requests/", r.id(), "/propose")
                                                .query("offer", s.offerId())
                                                .toString()
                                        : null,
                                live.contains(s.offerId()) ? "Proposed" : null))
                        .toList();
        ApiReply found = Api.join(school);
        ApiReply held = Api.join(account);
        ApiReply listed = Api.join(others);
        Directory.School s = found.ok() ? found.as(Directory.School.class) : null;
        String available = held.ok()
                ? Labels.credits(held.as(Ledger.Account.class).available()) + " available"
                : held.missing() ? "No credit account yet" : "Not known";
        long more = listed.ok()
                ? listed.as(Brokerage.RequestPage.class).items().stream()
                        .filter(o -> !o.id().equals(r.id()))
                        .count()
                : 0;
        var context = new RequestPages.SchoolContext(
                s == null ? "" : kind(s),
                s == null || s.laName() == null ? "" : s.laName(),
                s == null || s.town() == null ? "" : s.town(),
                s == null || s.pupils() == null ? "" : s.pupils() + " pupils",
                available,
                more == 0 ? "None" : more == 1 ? "1 other request" : more + " other requests",
                more == 0
                        ? null
                        : Paths.of("/support-requests").query("urn", r.urn()).toString());
        RequestPages.Found searched = null;
        if (search != null) {
            ApiReply reply = Api.join(search);
            Directory.OfferResults results = reply.ok() ? reply.as(Directory.OfferResults.class) : null;
            searched = new RequestPages.Found(
                    find.strip(),
                    results == null
                            ? List.of()
                            : results.hits().stream()
                                    .map(h -> new RequestPages.SuggestionView(
                                            h.title(),
                                            h.providerName(),
                                            h.priceCredits() == null ? "" : Labels.credits(h.priceCredits()),
                                            "",
                                            false,
                                            live.contains(h.id())
                                                    ? null
                                                    : Paths.of("/support-requests/", r.id(), "/propose")
                                                            .query("offer", h.id())
                                                            .toString(),
                                            live.contains(h.id()) ? "Proposed" : null))
                                    .toList(),
                    results == null ? 0 : results.total());
        }
        return new RequestPages.Desk(context, suggestions, mayPropose, searched);
    }

    private static String kind(Directory.School s) {
        String phase = s.phase() == null ? "" : Labels.phase(s.phase());
        return s.type() == null ? phase : phase.isEmpty() ? s.type() : phase + ", " + s.type();
    }

    /** The request's history in words, oldest first; by a kind of person, never by their id. */
    public static List<RequestPages.Step> history(Brokerage.Request r) {
        return r.history() == null
                ? List.of()
                : r.history().stream()
                        .map(t -> new RequestPages.Step(
                                Labels.dayAndTime(t.at()),
                                DONE.getOrDefault(t.action(), t.action()) + ": now "
                                        + Labels.requestStatus(t.to()).text().toLowerCase(java.util.Locale.UK),
                                WHO.getOrDefault(t.byKind() == null ? "" : t.byKind(), "Someone"),
                                t.reason()))
                        .toList();
    }
}
