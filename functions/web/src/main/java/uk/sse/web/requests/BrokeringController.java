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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.sse.kernel.web.PagePaths;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Brokerage;
import uk.sse.web.api.Directory;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.forms.ProblemMessages;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * A broker brokering a request: propose an offer (the days and credits, warned when the credits are not the offer's
 * price), start delivery, record it (the days delivered), and cancel a request saying why (an adviser may cancel too).
 * Each is offered only when the brokerage's {@code allowedActions} for this person has it; the brokerage decides again.
 */
@Controller
@WebPages
public class BrokeringController {

    private static final String OFFER = "[A-Za-z0-9_-]{1,64}";
    private static final Map<String, ProblemMessages.Field> PROPOSE_FIELDS = Map.of(
            "offers/days",
            new ProblemMessages.Field("days", "Days"),
            "offers.days",
            new ProblemMessages.Field("days", "Days"),
            "offers/credits",
            new ProblemMessages.Field("credits", "Credits"),
            "offers.credits",
            new ProblemMessages.Field("credits", "Credits"),
            "note",
            new ProblemMessages.Field("note", "Note"));
    private static final Map<String, ProblemMessages.Field> COMPLETE_FIELDS = Map.of(
            "daysDelivered",
            new ProblemMessages.Field("daysDelivered", "Days delivered"),
            "note",
            new ProblemMessages.Field("note", "Note"));
    private static final Map<String, ProblemMessages.Field> CANCEL_FIELDS =
            Map.of("reason", new ProblemMessages.Field("reason", "Why"));

    private final Pages pages;
    private final Api api;
    private final RequestSteps steps;
    private final Names names;

    public BrokeringController(Pages pages, Api api, RequestSteps steps, Names names) {
        this.pages = pages;
        this.api = api;
        this.steps = steps;
        this.names = names;
    }

    @Get(PagePaths.REQUESTS + "/{id}/propose")
    public HttpResponse<?> proposeForm(
            HttpRequest<?> request, Person person, @PathVariable String id, @Nullable @QueryValue String offer) {
        Brokerage.Request r = allowed(person, id, "PROPOSE");
        Directory.Offer o = offer(person, offer);
        return proposePage(
                request,
                r,
                o,
                String.valueOf(Math.min(r.daysWanted(), 365)),
                String.valueOf(o.content().priceCredits()),
                null,
                Errors.none());
    }

    @Post(PagePaths.REQUESTS + "/{id}/propose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> propose(
            HttpRequest<?> request, Person person, @PathVariable String id, @Body Map<String, Object> body) {
        Form form = Form.ofBody(body);
        Brokerage.Request r = allowed(person, id, "PROPOSE");
        Directory.Offer o = offer(person, form.text("offer"));
        String days = form.text("days");
        String credits = form.text("credits");
        Errors errors = Errors.none();
        if (!days.matches("[0-9]{1,3}")) {
            errors.add("days", days.isEmpty() ? "Enter the days proposed" : "Days must be a whole number, like 3");
        }
        if (!credits.matches("[0-9]{1,10}")) {
            errors.add(
                    "credits",
                    credits.isEmpty() ? "Enter the credits proposed" : "Credits must be a whole number, like 30");
        }
        if (errors.any()) {
            return proposePage(request, r, o, days, credits, null, errors);
        }
        long price = o.content().priceCredits();
        if (Long.parseLong(credits) != price && !credits.equals(form.text("confirmed"))) {
            return proposePage(
                    request,
                    r,
                    o,
                    days,
                    credits,
                    "The offer's price is " + Labels.credits(price) + ". You are proposing "
                            + Labels.credits(Long.parseLong(credits))
                            + ". Check this is what the provider and the school expect.",
                    Errors.none());
        }
        Map<String, Object> step = Map.of(
                "version",
                RequestSteps.version(body),
                "offers",
                List.of(Map.of("offerId", o.id(), "days", Integer.parseInt(days), "credits", Long.parseLong(credits))));
        return steps.step(
                person,
                id,
                "/proposals",
                step,
                "proposed",
                refused -> proposePage(
                        request, steps.read(person, id), o, days, credits, null, Refusals.of(refused, PROPOSE_FIELDS)));
    }

    private HttpResponse<?> proposePage(
            HttpRequest<?> request,
            Brokerage.Request r,
            Directory.Offer o,
            String days,
            String credits,
            String warning,
            Errors errors) {
        var page = new RequestPages.ProposePage(
                r.id(),
                r.schoolName(),
                r.need(),
                o.id(),
                o.content().title(),
                o.providerName(),
                Labels.credits(o.content().priceCredits()),
                Labels.credits(r.credits()),
                days,
                credits,
                warning,
                r.version(),
                errors);
        String title = "Propose " + o.content().title();
        return errors.any()
                ? pages.invalid(request, "requests/propose", title, page)
                : pages.ok(request, "requests/propose", title, page);
    }

    @Post(PagePaths.REQUESTS + "/{id}/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> start(
            HttpRequest<?> request, Person person, @PathVariable String id, @Body Map<String, Object> body) {
        return steps.step(
                person,
                id,
                "/start",
                Map.of("version", RequestSteps.version(body)),
                "started",
                refused ->
                        HttpResponse.seeOther(java.net.URI.create("/support-requests/" + Paths.encode(id) + "?refused="
                                + Paths.encode(refused.problemCode().isEmpty() ? "refused" : refused.problemCode()))));
    }

    @Get(PagePaths.REQUESTS + "/{id}/complete")
    public HttpResponse<?> completeForm(HttpRequest<?> request, Person person, @PathVariable String id) {
        Brokerage.Request r = allowed(person, id, "COMPLETE");
        return completePage(request, person, r, String.valueOf(r.engagement().days()), "", Errors.none());
    }

    @Post(PagePaths.REQUESTS + "/{id}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> complete(
            HttpRequest<?> request, Person person, @PathVariable String id, @Body Map<String, Object> body) {
        Form form = Form.ofBody(body);
        String days = form.text("daysDelivered");
        String note = form.text("note");
        if (!days.matches("[0-9]{1,3}")) {
            return completePage(
                    request,
                    person,
                    allowed(person, id, "COMPLETE"),
                    days,
                    note,
                    Errors.none()
                            .add(
                                    "daysDelivered",
                                    days.isEmpty()
                                            ? "Enter the days delivered"
                                            : "Days delivered must be a whole number, like 2"));
        }
        Map<String, Object> step =
                new HashMap<>(Map.of("version", RequestSteps.version(body), "daysDelivered", Integer.parseInt(days)));
        if (!note.isEmpty()) {
            step.put("note", note);
        }
        return steps.step(
                person,
                id,
                "/complete",
                step,
                "completed",
                refused -> completePage(
                        request, person, steps.read(person, id), days, note, Refusals.of(refused, COMPLETE_FIELDS)));
    }

    private HttpResponse<?> completePage(
            HttpRequest<?> request, Person person, Brokerage.Request r, String days, String note, Errors errors) {
        Brokerage.Engagement e = r.engagement();
        if (e == null) {
            throw new PageNotFound("engagement of " + r.id());
        }
        var page = new RequestPages.CompletePage(
                r.id(),
                r.schoolName(),
                names.of(person, List.of(r)).get(e.offerId()),
                Labels.days(e.days()) + " for " + Labels.credits(e.credits()),
                days,
                note,
                r.version(),
                errors);
        return errors.any()
                ? pages.invalid(request, "requests/complete", "Record the delivery", page)
                : pages.ok(request, "requests/complete", "Record the delivery", page);
    }

    @Get(PagePaths.REQUESTS + "/{id}/cancel")
    public HttpResponse<?> cancelForm(HttpRequest<?> request, Person person, @PathVariable String id) {
        return cancelPage(request, allowed(person, id, "CANCEL"), "", Errors.none());
    }

    @Post(PagePaths.REQUESTS + "/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> cancel(
            HttpRequest<?> request, Person person, @PathVariable String id, @Body Map<String, Object> body) {
        String reason = Form.ofBody(body).text("reason");
        if (reason.isEmpty()) {
            return cancelPage(
                    request,
                    allowed(person, id, "CANCEL"),
                    reason,
                    Errors.none().add("reason", "Enter why you are cancelling the request"));
        }
        return steps.step(
                person,
                id,
                "/cancel",
                Map.of("version", RequestSteps.version(body), "reason", reason),
                "cancelled",
                refused -> cancelPage(request, steps.read(person, id), reason, Refusals.of(refused, CANCEL_FIELDS)));
    }

    private HttpResponse<?> cancelPage(HttpRequest<?> request, Brokerage.Request r, String reason, Errors errors) {
        boolean held = r.engagement() != null && "HELD".equals(r.engagement().hold());
        var page = new RequestPages.CancelPage(r.id(), r.schoolName(), r.need(), reason, held, r.version(), errors);
        return errors.any()
                ? pages.invalid(request, "requests/cancel", "Cancel the request", page)
                : pages.ok(request, "requests/cancel", "Cancel the request", page);
    }

    /** The request, if the brokerage says this person may take {@code action} on it now; else "page not found". */
    private Brokerage.Request allowed(Person person, String id, String action) {
        Brokerage.Request r = steps.read(person, id);
        if (!r.allows(action)) {
            throw new PageNotFound(action + " on " + id);
        }
        return r;
    }

    private Directory.Offer offer(Person person, String id) {
        if (id == null || !id.matches(OFFER)) {
            throw new PageNotFound("offer " + id);
        }
        ApiReply reply = api.get(person, Paths.of("/offers/", id).toString());
        if (reply.missing() || reply.refused()) {
            throw new PageNotFound("offer " + id);
        }
        return reply.as(Directory.Offer.class);
    }
}
