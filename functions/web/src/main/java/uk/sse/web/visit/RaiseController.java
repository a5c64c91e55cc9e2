package uk.sse.web.visit;

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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Brokerage;
import uk.sse.web.api.Directory;
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
 * Raising a request on a visit: the form, "check your request" (with a warning when the school has no credit account or
 * too few credits), then the brokerage. The form carries an Idempotency-Key made when it was first shown, so a double
 * tap, or a resubmit after the connection dropped, answers with the one request that was made. A school's own people
 * ask for support for their school through the same pages, where its area lets them (decision 0081; else not found).
 */
@Controller("/visit/{urn}")
@WebPages
public class RaiseController {

    private static final String TITLE = "Raise a request for support";

    private final Pages pages;
    private final Api api;
    private final Schools schools;
    private final Liked liked;
    private final SchoolsAsking asking;

    public RaiseController(Pages pages, Api api, Schools schools, Liked liked, SchoolsAsking asking) {
        this.pages = pages;
        this.api = api;
        this.schools = schools;
        this.liked = liked;
        this.asking = asking;
    }

    @Get("/request")
    public HttpResponse<?> form(
            HttpRequest<?> request,
            Person person,
            @PathVariable String urn,
            @Nullable @QueryValue String area,
            @Nullable @QueryValue String need) {
        return form(
                request,
                person,
                urn,
                RaiseForm.empty(UUID.randomUUID().toString(), area, need, liked.of(request, urn)),
                Errors.none());
    }

    /** The form sent: shown again with what is missing, else "check your request". */
    @Post("/request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> check(
            HttpRequest<?> request, Person person, @PathVariable String urn, @Body Map<String, Object> body) {
        RaiseForm form = RaiseForm.of(Form.ofBody(body));
        Errors errors = form.shapeErrors();
        if (errors.any() || body.containsKey("change")) {
            return form(request, person, urn, form, errors);
        }
        CompletableFuture<ApiReply> account = schools.account(person, urn);
        Directory.School school = asking(person, schools.school(person, urn));
        if (!school.open()) {
            return toTheClosedSchool(urn);
        }
        String warning = warning(school, schools.credits(person, Api.join(account)), form.creditsAsked());
        List<String> titles = offerTitles(person, form.likedOffers()).stream()
                .map(Choice::label)
                .toList();
        return pages.ok(
                request,
                "visit/check",
                "Check your request",
                new VisitPages.CheckPage(
                        school,
                        form,
                        Labels.areas(form.areasOfSupport()),
                        Labels.urgency(form.urgency()),
                        Labels.deliveryModes(form.deliveryModes()),
                        form.wantedByText(),
                        warning,
                        titles));
    }

    /** Raised (or, for the same key, found again): on to the confirmation; refused: the form, with the refusal on its fields. */
    @Post("/request/raise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> raise(
            HttpRequest<?> request, Person person, @PathVariable String urn, @Body Map<String, Object> body) {
        RaiseForm form = RaiseForm.of(Form.ofBody(body));
        Errors errors = form.shapeErrors();
        if (errors.any()) {
            return form(request, person, urn, form, errors);
        }
        ApiReply reply =
                api.post(person, "/requests", form.request(urn), Map.of("Idempotency-Key", form.idempotencyKey()));
        if (reply.ok()) {
            String id = reply.as(Brokerage.Request.class).id();
            return HttpResponse.seeOther(URI.create("/visit/" + urn + "/raised/" + Paths.encode(id)))
                    .cookie(liked.cleared());
        }
        if (reply.refused()) {
            return form(
                    request,
                    person,
                    urn,
                    form,
                    ProblemMessages.of(
                                    reply.problem(),
                                    RaiseForm.API_FIELDS,
                                    "The request could not be raised: check your answers")
                            .ordered(RaiseForm.FIELDS));
        }
        throw reply.unavailable();
    }

    @Get("/raised/{id}")
    public HttpResponse<?> raised(
            HttpRequest<?> request, Person person, @PathVariable String urn, @PathVariable String id) {
        ApiReply reply = api.get(person, Paths.of("/requests/", id).toString());
        if (!reply.ok() || !reply.as(Brokerage.Request.class).urn().equals(urn)) {
            throw new PageNotFound("request " + id);
        }
        Brokerage.Request raised = reply.as(Brokerage.Request.class);
        Directory.School school = new Directory.School(
                urn,
                raised.schoolName() == null ? urn : raised.schoolName(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return pages.ok(
                request,
                "visit/raised",
                "Request raised",
                new VisitPages.RaisedPage(
                        school, raised.id(), "/support-requests/" + Paths.encode(raised.id()), raised.bySchool()));
    }

    private HttpResponse<?> form(HttpRequest<?> request, Person person, String urn, RaiseForm form, Errors errors) {
        CompletableFuture<ApiReply> account = schools.account(person, urn);
        Directory.School school = asking(person, schools.school(person, urn));
        if (!school.open()) {
            return toTheClosedSchool(urn);
        }
        List<String> offered = new java.util.ArrayList<>(form.likedOffers());
        liked.of(request, urn).stream().filter(id -> !offered.contains(id)).forEach(offered::add);
        List<Choice> likedChoices = offerTitles(person, offered).stream()
                .map(c -> new Choice(c.value(), c.label(), form.likedOffers().contains(c.value())))
                .toList();
        var page = new VisitPages.RaisePage(
                school,
                schools.credits(person, Api.join(account)),
                form,
                form.areaChoices(),
                form.urgencyChoices(),
                form.modeChoices(),
                likedChoices,
                errors,
                bySchool(person));
        return errors.any()
                ? pages.invalid(request, "visit/request", TITLE, page)
                : pages.ok(request, "visit/request", TITLE, page);
    }

    /** No request is raised for a closed school (the brokerage refuses it): its page says when it closed. */
    private static HttpResponse<?> toTheClosedSchool(String urn) {
        return HttpResponse.seeOther(URI.create("/visit/" + urn));
    }

    /** Whether the person asks as the school itself rather than as an adviser on a visit. */
    private static boolean bySchool(Person person) {
        return !person.isAdviser() && person.isSchool();
    }

    /** The school, if the person may raise for it here: an adviser (the brokerage judges), or the school where it may ask. */
    private Directory.School asking(Person person, Directory.School school) {
        if (bySchool(person) && !asking.mayAsk(person, school)) {
            throw new PageNotFound("asking for support for school " + school.urn());
        }
        return school;
    }

    /** The offers by title and provider, read side by side; one the directory no longer shows is named as such. */
    private List<Choice> offerTitles(Person person, List<String> ids) {
        Map<String, CompletableFuture<ApiReply>> calls = new java.util.LinkedHashMap<>();
        ids.forEach(id ->
                calls.put(id, api.getAsync(person, Paths.of("/offers/", id).toString())));
        return calls.entrySet().stream()
                .map(e -> {
                    ApiReply reply = Api.join(e.getValue());
                    if (!reply.ok()) {
                        return new Choice(e.getKey(), "An offer no longer listed", false);
                    }
                    Directory.Offer o = reply.as(Directory.Offer.class);
                    return new Choice(e.getKey(), o.content().title() + ", from " + o.providerName(), true);
                })
                .toList();
    }

    /** Said before the request is raised: the school has no account, or fewer credits available than it would commit. */
    static String warning(Directory.School school, VisitPages.Credits credits, long asked) {
        return switch (credits) {
            case VisitPages.Credits.NoAccount none ->
                school.name() + " has no credit account in " + none.area() + " yet. You can raise "
                        + "the request, but the school cannot agree support until " + none.area()
                        + " opens an account and gives it credits.";
            case VisitPages.Credits.Known known
            when known.available() < asked ->
                school.name() + " has "
                        + Labels.credits(known.available()) + " available, fewer than the " + Labels.credits(asked)
                        + " this request commits. You can raise it, but the school cannot agree support until it has the credits.";
            default -> null;
        };
    }
}
