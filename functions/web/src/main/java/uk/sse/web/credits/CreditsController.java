package uk.sse.web.credits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Brokerage;
import uk.sse.web.api.Ledger;
import uk.sse.web.api.Paths;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.requests.Names;
import uk.sse.web.requests.RequestPages;
import uk.sse.web.session.Person;

/**
 * A school's or provider's credits: the balance, what is held, and the statement, each line with its counterparty and
 * what it was for by name; and a provider's engagements with the credits they earned.
 */
@Controller
@WebPages
public class CreditsController {

    /**
     * A brokerage payment's transfer id is its engagement's hold: {@code brk:<request id>.<proposal id>.v<version>} (the
     * brokerage's holdId since issue 13); {@code <request id>.<proposal id>} before.
     */
    private static final Pattern ENGAGEMENT =
            Pattern.compile("(?:brk:)?(req_[A-Za-z0-9]+)\\.(P[0-9]{1,3})(?:\\.v[0-9]{1,9})?");

    private static final String ISSUING = "ISSUING";

    /** A statement line. */
    public record Line(String date, String what, String counterparty, String in, String out, String balance) {}

    public record StatementPage(
            String owner, long balance, long available, long held, boolean noAccount, List<Line> lines, String more) {}

    /** An engagement a provider gives. */
    public record EngagementRow(
            String href, String school, String support, String agreed, Labels.Tag status, String delivered) {}

    public record EngagementsPage(List<EngagementRow> rows, String earned, String more) {}

    private final Pages pages;
    private final Api api;
    private final Names names;

    public CreditsController(Pages pages, Api api, Names names) {
        this.pages = pages;
        this.api = api;
        this.names = names;
    }

    @Get("/credits")
    public HttpResponse<?> statement(HttpRequest<?> request, Person person, @Nullable @QueryValue String cursor) {
        if (!person.isProvider()) {
            throw new PageNotFound("credits");
        }
        String account = Paths.of("/accounts/", person.area(), "/", person.organisation())
                .toString();
        CompletableFuture<ApiReply> balances = api.getAsync(person, account);
        CompletableFuture<ApiReply> entries = api.getAsync(
                person, account + Paths.of("/entries").query("limit", 20).query("cursor", cursor));
        CompletableFuture<ApiReply> me = api.getAsync(person, owner(person.organisation()));
        ApiReply held = Api.join(balances);
        String ownName = name(Api.join(me), person.organisation());
        if (held.missing()) {
            return pages.ok(
                    request,
                    "credits/statement",
                    "Credits",
                    new StatementPage(ownName, 0, 0, 0, true, List.of(), null));
        }
        Ledger.Account a = held.as(Ledger.Account.class);
        Ledger.EntryPage page = Api.join(entries).as(Ledger.EntryPage.class);
        Map<String, CompletableFuture<ApiReply>> transfers = new HashMap<>();
        page.items()
                .forEach(e -> transfers.computeIfAbsent(
                        e.transfer(),
                        t -> api.getAsync(person, Paths.of("/transfers/", t).toString())));
        Map<String, Ledger.Transfer> byId = new HashMap<>();
        transfers.forEach((id, call) -> {
            ApiReply reply = Api.join(call);
            if (reply.ok()) {
                byId.put(id, reply.as(Ledger.Transfer.class));
            }
        });
        Map<String, String> counterparties = counterparties(person, byId.values(), a.id());
        Map<String, String> purposes = purposes(person, byId.values());
        List<Line> lines = new ArrayList<>();
        for (Ledger.Entry e : page.items()) {
            Ledger.Transfer t = byId.get(e.transfer());
            String other = t == null ? null : t.debit().equals(a.id()) ? t.credit() : t.debit();
            lines.add(new Line(
                    Labels.day(e.at()),
                    t == null ? "A movement of credits" : purposes.get(t.id()),
                    other == null ? "" : counterparties.getOrDefault(other, ""),
                    e.amount() > 0 ? Long.toString(e.amount()) : "",
                    e.amount() < 0 ? Long.toString(-e.amount()) : "",
                    Long.toString(e.balanceAfter())));
        }
        return pages.ok(
                request,
                "credits/statement",
                "Credits",
                new StatementPage(
                        ownName,
                        a.balance(),
                        a.available(),
                        a.balance() - a.available(),
                        false,
                        lines,
                        page.next() == null ? null : "/credits?cursor=" + Paths.encode(page.next())));
    }

    /** The other side of each line by name: a school, a provider, or the area's own credits. */
    private Map<String, String> counterparties(
            Person person, java.util.Collection<Ledger.Transfer> transfers, String self) {
        Set<String> accounts = new LinkedHashSet<>();
        transfers.forEach(t -> {
            accounts.add(t.debit());
            accounts.add(t.credit());
        });
        accounts.remove(self);
        Map<String, CompletableFuture<ApiReply>> calls = new HashMap<>();
        accounts.stream()
                .filter(id -> !ownerOf(id).equals(ISSUING))
                .forEach(id -> calls.put(id, api.getAsync(person, owner(ownerOf(id)))));
        Map<String, String> names = new HashMap<>();
        for (String id : accounts) {
            names.put(
                    id,
                    ownerOf(id).equals(ISSUING)
                            ? "The area's credit scheme"
                            : name(Api.join(calls.get(id)), ownerOf(id)));
        }
        return names;
    }

    /** What each transfer was for: support by its title for a brokerage payment, else its kind and the reference given. */
    private Map<String, String> purposes(Person person, java.util.Collection<Ledger.Transfer> transfers) {
        Map<String, CompletableFuture<ApiReply>> requests = new HashMap<>();
        for (Ledger.Transfer t : transfers) {
            Matcher m = ENGAGEMENT.matcher(t.id());
            if (m.matches()) {
                requests.computeIfAbsent(
                        m.group(1),
                        id -> api.getAsync(person, Paths.of("/requests/", id).toString()));
            }
        }
        Map<String, Brokerage.Request> found = new HashMap<>();
        requests.forEach((id, call) -> {
            ApiReply reply = Api.join(call);
            if (reply.ok()) {
                found.put(id, reply.as(Brokerage.Request.class));
            }
        });
        Map<String, RequestPages.Named> named = found.isEmpty() ? Map.of() : names.of(person, found.values());
        Map<String, String> purposes = new HashMap<>();
        for (Ledger.Transfer t : transfers) {
            Matcher m = ENGAGEMENT.matcher(t.id());
            Brokerage.Request r = m.matches() ? found.get(m.group(1)) : null;
            String offer = r == null
                    ? null
                    : r.proposalsOrNone().stream()
                            .filter(p -> p.id().equals(m.group(2)))
                            .map(Brokerage.Proposal::offerId)
                            .findFirst()
                            .orElse(null);
            String what = offer != null && named.containsKey(offer)
                    ? "Support for " + r.schoolName() + ": " + named.get(offer).offerTitle()
                    : t.reference() == null || t.reference().isBlank()
                            ? Labels.transferKind(t.kind())
                            : Labels.transferKind(t.kind()) + ": " + t.reference();
            purposes.put(t.id(), what);
        }
        return purposes;
    }

    @Get("/engagements")
    public HttpResponse<?> engagements(HttpRequest<?> request, Person person, @Nullable @QueryValue String cursor) {
        if (!person.isProvider()) {
            throw new PageNotFound("engagements");
        }
        CompletableFuture<ApiReply> balances = api.getAsync(
                person,
                Paths.of("/accounts/", person.area(), "/", person.organisation())
                        .toString());
        ApiReply reply = api.get(
                person,
                Paths.of("/requests")
                        .query("listing", "addressed")
                        .query("limit", 50)
                        .query("cursor", cursor)
                        .toString());
        Brokerage.RequestPage page = reply.as(Brokerage.RequestPage.class);
        List<Brokerage.Request> engaged = page.items().stream()
                .filter(r ->
                        r.engagement() != null && r.engagement().providerId().equals(person.organisation()))
                .toList();
        Map<String, RequestPages.Named> named = names.of(person, engaged);
        List<EngagementRow> rows = engaged.stream()
                .map(r -> {
                    Brokerage.Engagement e = r.engagement();
                    String delivered = e.completedAt() == null
                            ? ""
                            : Labels.days(e.daysDelivered()) + ", " + Labels.credits(e.creditsPosted()) + " earned";
                    return new EngagementRow(
                            "/support-requests/" + Paths.encode(r.id()),
                            r.schoolName(),
                            named.get(e.offerId()).offerTitle(),
                            Labels.days(e.days()) + " for " + Labels.credits(e.credits()),
                            Labels.requestStatus(r.status()),
                            delivered);
                })
                .toList();
        ApiReply account = Api.join(balances);
        String earned =
                account.ok() ? Labels.credits(account.as(Ledger.Account.class).balance()) : null;
        return pages.ok(
                request,
                "credits/engagements",
                "Engagements",
                new EngagementsPage(
                        rows, earned, page.next() == null ? null : "/engagements?cursor=" + Paths.encode(page.next())));
    }

    private static String ownerOf(String accountId) {
        return accountId.substring(accountId.indexOf('/') + 1);
    }

    private static String owner(String owner) {
        return owner.matches("[0-9]{6,7}")
                ? Paths.of("/schools/", owner).toString()
                : Paths.of("/providers/", owner).toString();
    }

    private static String name(ApiReply reply, String fallback) {
        if (!reply.ok()) {
            return "An organisation no longer listed";
        }
        Map<?, ?> body = reply.as(Map.class);
        return body.get("name") instanceof String n ? n : fallback;
    }
}
