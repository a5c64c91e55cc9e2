package uk.sse.web.requests;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import uk.sse.kernel.web.PagePaths;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Brokerage;
import uk.sse.web.api.Directory;
import uk.sse.web.api.Ledger;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.forms.ProblemMessages;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * Requests for support, for each person as the brokerage lets them see them: an adviser's own, a school's, those
 * proposed to a provider, a broker's queue. A school agrees a proposal (after checking what it costs) and rates
 * delivered support; an adviser rates its impact; a provider accepts a proposal, or declines it saying why.
 */
@Controller
@WebPages
public class RequestsController {

    static final String PROPOSAL = "P[0-9]{1,3}";
    private static final Map<String, String> BANNERS = Map.of(
            "agreed",
            "You agreed the support. The credits are held until it is delivered.",
            "rated",
            "Thank you: your rating is saved.",
            "accepted",
            "You accepted the proposal. The school will now agree it.",
            "declined",
            "You declined the proposal. The broker will look for other support.",
            "proposed",
            "You proposed the support. The provider will be asked to accept it.",
            "started",
            "Delivery has started.",
            "completed",
            "The delivery is recorded and the provider paid for the days delivered.",
            "cancelled",
            "The request is cancelled.");
    private static final Map<String, ProblemMessages.Field> RATE_FIELDS = Map.of(
            "score",
            new ProblemMessages.Field("score", "Your rating"),
            "notes",
            new ProblemMessages.Field("notes", "What you would tell others"),
            "rating",
            new ProblemMessages.Field("score", "Your rating"));
    private static final Map<String, ProblemMessages.Field> DECLINE_FIELDS =
            Map.of("reason", new ProblemMessages.Field("reason", "Why you are declining"));

    private final Pages pages;
    private final Api api;
    private final Names names;
    private final RequestSteps steps;
    private final Queue queue;
    private final BrokerDesk desk;

    public RequestsController(Pages pages, Api api, Names names, RequestSteps steps, Queue queue, BrokerDesk desk) {
        this.desk = desk;
        this.pages = pages;
        this.api = api;
        this.names = names;
        this.steps = steps;
        this.queue = queue;
    }

    /** The person's requests: an adviser's own, a school's, a broker's queue. */
    @Get(PagePaths.REQUESTS)
    public HttpResponse<?> list(
            HttpRequest<?> request,
            Person person,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String areaOfSupport,
            @Nullable @QueryValue String urn) {
        if (person.isBroker()) {
            return queue.page(request, person, status, areaOfSupport, urn, cursor);
        }
        Paths query = Paths.of("/requests").query("limit", 20).query("cursor", cursor);
        String heading;
        String lede;
        if (person.isAdviser()) {
            query.query("listing", "area").query("mine", "true");
            heading = "Your requests";
            lede =
                    "The requests you have raised, and those your area's schools asked for themselves, newest first, and where each one stands.";
        } else if (person.isSchool()) {
            heading = "Your school's requests";
            lede =
                    "Requests for support for your school, newest first. Open one to see the support proposed and agree it.";
        } else if (person.isProvider()) {
            return HttpResponse.seeOther(URI.create("/proposals"));
        } else {
            heading = "Requests";
            lede = "Requests for support in your area.";
        }
        return listPage(request, person, query, heading, lede, "/support-requests", "There are no requests yet.");
    }

    /** What has been proposed to a provider (a school is one too), to accept or decline. */
    @Get("/proposals")
    public HttpResponse<?> proposals(HttpRequest<?> request, Person person, @Nullable @QueryValue String cursor) {
        return listPage(
                request,
                person,
                Paths.of("/requests")
                        .query("listing", "addressed")
                        .query("limit", 20)
                        .query("cursor", cursor),
                "Proposals",
                "Requests for support that a broker has proposed your offers for. Open one to accept or decline it.",
                "/proposals",
                "Nothing has been proposed to you yet.");
    }

    HttpResponse<?> listPage(
            HttpRequest<?> request,
            Person person,
            Paths query,
            String heading,
            String lede,
            String self,
            String empty) {
        ApiReply reply = api.get(person, query.toString());
        if (reply.refused()) {
            throw new PageNotFound("listing");
        }
        Brokerage.RequestPage page = reply.as(Brokerage.RequestPage.class);
        List<RequestPages.Row> rows = page.items().stream()
                .map(r -> new RequestPages.Row(
                        "/support-requests/" + Paths.encode(r.id()),
                        r.schoolName(),
                        r.need(),
                        Labels.areas(r.areasOfSupport()),
                        Labels.requestStatus(r.status()),
                        Labels.day(r.raisedAt()),
                        Labels.days(r.daysWanted()) + ", " + Labels.credits(r.credits())))
                .toList();
        String more = page.next() == null ? null : self + "?cursor=" + Paths.encode(page.next());
        return pages.ok(request, "requests/list", heading, new RequestPages.ListPage(heading, lede, rows, more, empty));
    }

    @Get(PagePaths.REQUESTS + "/{id}")
    public HttpResponse<?> one(
            HttpRequest<?> request,
            Person person,
            @PathVariable String id,
            @Nullable @QueryValue String done,
            @Nullable @QueryValue String refused,
            @Nullable @QueryValue String find) {
        Brokerage.Request r = read(person, id);
        CompletableFuture<ApiReply> school =
                api.getAsync(person, Paths.of("/schools/", r.urn()).toString());
        Map<String, RequestPages.Named> named = names.of(person, List.of(r));
        // what the person may do is the brokerage's answer for them (allowedActions), never guessed here from their
        // role
        List<RequestPages.ProposalView> proposals = r.proposalsOrNone().stream()
                .map(p -> new RequestPages.ProposalView(
                        p.id(),
                        named.get(p.offerId()),
                        Labels.days(p.days()),
                        Labels.credits(p.credits()),
                        Labels.proposalStatus(p.status()),
                        p.reason(),
                        r.allows("AGREE") && "ACCEPTED".equals(p.status()),
                        r.allows("ACCEPT")
                                && p.providerId().equals(person.organisation())
                                && "PROPOSED".equals(p.status())))
                .toList();
        Brokerage.Engagement e = r.engagement();
        RequestPages.EngagementView engagement = e == null
                ? null
                : new RequestPages.EngagementView(
                        named.get(e.offerId()),
                        Labels.days(e.days()),
                        Labels.credits(e.credits()),
                        e.completedAt() == null ? "" : Labels.days(e.daysDelivered()),
                        e.completedAt() == null ? "" : Labels.credits(e.creditsPosted()),
                        Labels.day(e.agreedAt()),
                        Labels.day(e.startedAt()),
                        Labels.day(e.completedAt()));
        Brokerage.Evaluation ev = r.evaluation();
        String rateHref = null;
        String rateLabel = null;
        if (r.allows("EVALUATE") && rating(person, r) != null) {
            rateHref = "/support-requests/" + Paths.encode(r.id()) + "/rate";
            rateLabel = "SCHOOL".equals(rating(person, r)) ? "Rate the support" : "Rate its impact";
        }
        boolean provider = person.isProvider() && !person.isSchool();
        var view = new RequestPages.RequestView(
                r.id(),
                r.schoolName(),
                r.need(),
                Labels.areas(r.areasOfSupport()),
                Labels.urgency(r.urgency()),
                Labels.days(r.daysWanted()),
                Labels.deliveryModes(r.deliveryModes()),
                Labels.day(r.wantedBy()),
                Labels.credits(r.credits()),
                Labels.requestStatus(r.status()),
                Labels.day(r.raisedAt()),
                proposals,
                engagement,
                ev == null ? null : ev.schoolRating(),
                ev == null ? null : ev.schoolNotes(),
                ev == null ? null : ev.impactRating(),
                ev == null ? null : ev.impactNotes(),
                rateHref,
                rateLabel,
                done == null ? null : BANNERS.get(done),
                r.version(),
                provider ? "/proposals" : "/support-requests",
                provider ? "Back to proposals" : person.isBroker() ? "Back to your queue" : "Back to requests",
                refused == null ? Errors.none() : Refusals.said(refused),
                r.suggestions() == null
                        ? List.of()
                        : r.suggestions().stream()
                                .filter(Brokerage.Suggestion::liked)
                                .map(sg -> sg.title() == null ? "An offer" : sg.title())
                                .toList(),
                person.isBroker() ? desk.of(person, r, find, school) : null,
                r.allows("START_DELIVERY"),
                r.allows("COMPLETE"),
                r.allows("CANCEL"),
                BrokerDesk.history(r),
                r.bySchool(),
                closedOn(Api.join(school)));
        return pages.ok(request, "requests/request", "Request for " + r.schoolName(), view);
    }

    /**
     * The day the request's school closed ("" if the register gives none), or null while it is open or cannot be read:
     * a request raised before its school closed is left as it is (decision 0078), and its page says so.
     */
    private static String closedOn(ApiReply school) {
        if (!school.ok()) {
            return null;
        }
        Directory.School s = school.as(Directory.School.class);
        return s.open() ? null : s.closedOn() == null ? "" : Labels.day(s.closedOn());
    }

    /** Which rating this person gives: the school's of the support, the adviser's of its impact; none for anyone else. */
    private static String rating(Person person, Brokerage.Request r) {
        if (person.isSchool() && r.urn().equals(person.organisation())) {
            return "SCHOOL";
        }
        return person.isAdviser() ? "IMPACT" : null;
    }

    @Get(PagePaths.REQUESTS + "/{id}/proposals/{proposalId}/agree")
    public HttpResponse<?> checkAgreement(
            HttpRequest<?> request, Person person, @PathVariable String id, @PathVariable String proposalId) {
        Brokerage.Request r = read(person, id);
        return agreePage(request, person, r, proposal(r, proposalId), Errors.none());
    }

    @Post(PagePaths.REQUESTS + "/{id}/proposals/{proposalId}/agree")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> agree(
            HttpRequest<?> request,
            Person person,
            @PathVariable String id,
            @PathVariable String proposalId,
            @Body Map<String, Object> body) {
        return step(
                person,
                id,
                "/proposals/" + proposalId + "/agree",
                Map.of("version", version(body)),
                "agreed",
                refused -> {
                    Brokerage.Request r = read(person, id);
                    return agreePage(request, person, r, proposal(r, proposalId), Refusals.of(refused, Map.of()));
                });
    }

    private HttpResponse<?> agreePage(
            HttpRequest<?> request, Person person, Brokerage.Request r, Brokerage.Proposal p, Errors errors) {
        CompletableFuture<ApiReply> account = api.getAsync(
                person, Paths.of("/accounts/", r.area(), "/", r.urn()).toString());
        RequestPages.Named named = names.of(person, List.of(r)).get(p.offerId());
        ApiReply held = Api.join(account);
        String available = null;
        String warning = null;
        if (held.ok()) {
            long can = held.as(Ledger.Account.class).available();
            available = Labels.credits(can);
            if (can < p.credits()) {
                warning = "The school has " + Labels.credits(can) + " available, fewer than the "
                        + Labels.credits(p.credits()) + " this support costs, so it cannot be agreed yet.";
            }
        } else if (held.missing()) {
            warning = "The school has no credit account yet, so it cannot agree support until its area opens one.";
        }
        var page = new RequestPages.AgreePage(
                r.id(),
                r.schoolName(),
                p.id(),
                named,
                Labels.days(p.days()),
                p.credits(),
                available,
                warning,
                r.version(),
                errors);
        return errors.any()
                ? pages.invalid(request, "requests/agree", "Check before you agree", page)
                : pages.ok(request, "requests/agree", "Check before you agree", page);
    }

    @Get(PagePaths.REQUESTS + "/{id}/rate")
    public HttpResponse<?> rateForm(HttpRequest<?> request, Person person, @PathVariable String id) {
        Brokerage.Request r = read(person, id);
        return ratePage(request, person, r, "", "", Errors.none());
    }

    @Post(PagePaths.REQUESTS + "/{id}/rate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> rate(
            HttpRequest<?> request, Person person, @PathVariable String id, @Body Map<String, Object> body) {
        Form form = Form.ofBody(body);
        String score = form.text("score");
        String notes = form.text("notes");
        if (!score.matches("[1-5]")) {
            Brokerage.Request r = read(person, id);
            return ratePage(
                    request, person, r, score, notes, Errors.none().add("score", "Select a rating from 1 to 5"));
        }
        String rating = rating(person, read(person, id));
        if (rating == null) {
            throw new PageNotFound("rating of " + id);
        }
        Map<String, Object> step = new java.util.HashMap<>(
                Map.of("version", version(body), "rating", rating, "score", Integer.parseInt(score)));
        if (!notes.isEmpty()) {
            step.put("notes", notes);
        }
        return step(
                person,
                id,
                "/evaluations",
                step,
                "rated",
                refused ->
                        ratePage(request, person, read(person, id), score, notes, Refusals.of(refused, RATE_FIELDS)));
    }

    private HttpResponse<?> ratePage(
            HttpRequest<?> request, Person person, Brokerage.Request r, String score, String notes, Errors errors) {
        String rating = rating(person, r);
        if (rating == null || r.engagement() == null) {
            throw new PageNotFound("rating of " + r.id());
        }
        RequestPages.Named named =
                names.of(person, List.of(r)).get(r.engagement().offerId());
        List<Choice> scores = List.of(
                new Choice("5", "5: excellent", score.equals("5")),
                new Choice("4", "4: good", score.equals("4")),
                new Choice("3", "3: adequate", score.equals("3")),
                new Choice("2", "2: poor", score.equals("2")),
                new Choice("1", "1: very poor", score.equals("1")));
        String question = "SCHOOL".equals(rating) ? "How good was the support?" : "What impact did the support have?";
        var page =
                new RequestPages.RatePage(r.id(), r.schoolName(), named, question, scores, notes, r.version(), errors);
        return errors.any()
                ? pages.invalid(request, "requests/rate", question, page)
                : pages.ok(request, "requests/rate", question, page);
    }

    @Post(PagePaths.REQUESTS + "/{id}/proposals/{proposalId}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> accept(
            HttpRequest<?> request,
            Person person,
            @PathVariable String id,
            @PathVariable String proposalId,
            @Body Map<String, Object> body) {
        return step(
                person,
                id,
                "/proposals/" + proposalId + "/accept",
                Map.of("version", version(body)),
                "accepted",
                refused -> HttpResponse.seeOther(URI.create("/support-requests/" + Paths.encode(id) + "?refused="
                        + Paths.encode(refused.problemCode().isEmpty() ? "refused" : refused.problemCode()))));
    }

    @Get(PagePaths.REQUESTS + "/{id}/proposals/{proposalId}/decline")
    public HttpResponse<?> declineForm(
            HttpRequest<?> request, Person person, @PathVariable String id, @PathVariable String proposalId) {
        Brokerage.Request r = read(person, id);
        return declinePage(request, person, r, proposal(r, proposalId), "", Errors.none());
    }

    @Post(PagePaths.REQUESTS + "/{id}/proposals/{proposalId}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> decline(
            HttpRequest<?> request,
            Person person,
            @PathVariable String id,
            @PathVariable String proposalId,
            @Body Map<String, Object> body) {
        String reason = Form.ofBody(body).text("reason");
        if (reason.isEmpty()) {
            Brokerage.Request r = read(person, id);
            return declinePage(
                    request,
                    person,
                    r,
                    proposal(r, proposalId),
                    reason,
                    Errors.none().add("reason", "Enter why you are declining"));
        }
        return step(
                person,
                id,
                "/proposals/" + proposalId + "/decline",
                Map.of("version", version(body), "reason", reason),
                "declined",
                refused -> {
                    Brokerage.Request r = read(person, id);
                    return declinePage(
                            request, person, r, proposal(r, proposalId), reason, Refusals.of(refused, DECLINE_FIELDS));
                });
    }

    private HttpResponse<?> declinePage(
            HttpRequest<?> request,
            Person person,
            Brokerage.Request r,
            Brokerage.Proposal p,
            String reason,
            Errors errors) {
        RequestPages.Named named = names.of(person, List.of(r)).get(p.offerId());
        var page = new RequestPages.DeclinePage(
                r.id(), r.schoolName(), p.id(), named, r.need(), reason, r.version(), errors);
        return errors.any()
                ? pages.invalid(request, "requests/decline", "Decline the proposal", page)
                : pages.ok(request, "requests/decline", "Decline the proposal", page);
    }

    private HttpResponse<?> step(
            Person person,
            String id,
            String path,
            Map<String, Object> body,
            String done,
            java.util.function.Function<ApiReply, HttpResponse<?>> onRefusal) {
        return steps.step(person, id, path, body, done, onRefusal);
    }

    private static long version(Map<String, Object> body) {
        return RequestSteps.version(body);
    }

    Brokerage.Request read(Person person, String id) {
        return steps.read(person, id);
    }

    private static Brokerage.Proposal proposal(Brokerage.Request r, String proposalId) {
        return r.proposalsOrNone().stream()
                .filter(p -> p.id().equals(proposalId))
                .findFirst()
                .orElseThrow(() -> new PageNotFound("proposal " + proposalId));
    }
}
