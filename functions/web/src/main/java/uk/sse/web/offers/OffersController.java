package uk.sse.web.offers;

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
import java.util.Set;
import java.util.UUID;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
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
 * A provider's offers (a school's too): the list with where each stands in assurance; drafting one (with an
 * Idempotency-Key made when the form was shown); editing one with the ETag it was read at, so that someone else's change
 * in between is said plainly rather than overwritten; submitting it for assurance, and withdrawing it. And its profile.
 */
@Controller
@WebPages
public class OffersController {

    static final String ID = "[A-Za-z0-9_-]{1,64}";
    private static final Set<String> EDITABLE =
            Set.of("DRAFT", "CHANGES_REQUESTED", "APPROVED", "SUSPENDED", "REJECTED");
    private static final Set<String> SUBMITTABLE = Set.of("DRAFT", "CHANGES_REQUESTED");
    private static final Map<String, String> BANNERS = Map.of(
            "drafted",
            "Your offer is saved as a draft. Submit it for assurance when it is ready.",
            "saved",
            "Your changes are saved.",
            "submitted",
            "Your offer is submitted. The area's assurers will review it.",
            "withdrawn",
            "Your offer is withdrawn. Advisers no longer see it.");
    private static final Map<String, String> ACTIONS = Map.of(
            "SUBMIT",
            "Submitted for assurance",
            "APPROVE",
            "Assured",
            "REJECT",
            "Rejected",
            "REQUEST_CHANGES",
            "Changes asked for",
            "SUSPEND",
            "Suspended",
            "EDIT",
            "Changed",
            "WITHDRAW",
            "Withdrawn");

    private final Pages pages;
    private final Api api;

    public OffersController(Pages pages, Api api) {
        this.pages = pages;
        this.api = api;
    }

    @Get("/your-offers")
    public HttpResponse<?> list(
            HttpRequest<?> request,
            Person person,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue String done) {
        String provider = providerOf(person);
        ApiReply reply = api.get(
                person,
                Paths.of("/offers")
                        .query("providerId", provider)
                        .query("limit", 50)
                        .query("cursor", cursor)
                        .toString());
        if (reply.refused()) {
            throw new PageNotFound("offers of " + provider);
        }
        Directory.OfferPage page = reply.as(Directory.OfferPage.class);
        List<OfferPages.Row> rows = page.items().stream()
                .map(o -> new OfferPages.Row(
                        "/your-offers/" + Paths.encode(o.id()),
                        o.content().title(),
                        Labels.offerStatus(o.status(), o.reviewDate()),
                        Labels.day(o.updatedAt()),
                        Labels.credits(o.content().priceCredits())))
                .toList();
        String name = page.items().isEmpty() ? null : page.items().get(0).providerName();
        return pages.ok(
                request,
                "offers/list",
                "Your offers",
                new OfferPages.ListPage(
                        name,
                        rows,
                        page.next() == null ? null : "/your-offers?cursor=" + Paths.encode(page.next()),
                        done == null ? null : BANNERS.get(done)));
    }

    @Get("/your-offers/new")
    public HttpResponse<?> draftForm(HttpRequest<?> request, Person person) {
        providerOf(person);
        return form(request, null, OfferForm.empty(UUID.randomUUID().toString()), Errors.none(), false);
    }

    @Post("/your-offers/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> draft(HttpRequest<?> request, Person person, @Body Map<String, Object> body) {
        providerOf(person);
        OfferForm form = OfferForm.of(Form.ofBody(body));
        Errors errors = form.shapeErrors();
        if (form.idempotencyKey().isBlank()) {
            errors.add("", "The form was not complete: start again");
        }
        if (errors.any()) {
            return form(request, null, form, errors, false);
        }
        ApiReply reply = api.post(person, "/offers", form.body(), Map.of("Idempotency-Key", form.idempotencyKey()));
        if (reply.ok()) {
            return HttpResponse.seeOther(URI.create("/your-offers/"
                    + Paths.encode(reply.as(Directory.Offer.class).id()) + "?done=drafted"));
        }
        if (reply.refused()) {
            return form(
                    request,
                    null,
                    form,
                    ProblemMessages.of(reply.problem(), OfferForm.API_FIELDS, "The offer could not be saved")
                            .ordered(OfferForm.FIELDS),
                    false);
        }
        throw reply.unavailable();
    }

    @Get("/your-offers/{id}")
    public HttpResponse<?> one(
            HttpRequest<?> request,
            Person person,
            @PathVariable String id,
            @Nullable @QueryValue String done,
            @Nullable @QueryValue String refused) {
        Directory.Offer o = own(person, id);
        Errors errors = refused == null
                ? Errors.none()
                : Errors.none()
                        .add(
                                "",
                                "stale-version".equals(refused)
                                        ? "Someone else changed this offer since you opened it. Check it again and try again."
                                        : "That cannot be done to the offer as it stands now.");
        return pages.ok(
                request, "offers/offer", o.content().title(), view(o, done == null ? null : BANNERS.get(done), errors));
    }

    static OfferPages.OfferView view(Directory.Offer o, String banner, Errors errors) {
        var c = o.content();
        List<OfferPages.HistoryLine> history = o.history() == null
                ? List.of()
                : o.history().stream()
                        .map(h -> new OfferPages.HistoryLine(
                                Labels.dayAndTime(h.at()),
                                ACTIONS.getOrDefault(
                                        h.action(),
                                        Labels.offerStatus(h.to(), null).text()),
                                h.reason()))
                        .toList()
                        .reversed();
        return new OfferPages.OfferView(
                o,
                Labels.offerStatus(o.status(), o.reviewDate()),
                Labels.areas(c.areasOfSupport()),
                Labels.phases(c.phases()),
                Labels.deliveryModes(c.deliveryModes()),
                c.capacityDaysPerTerm() == null
                        ? ""
                        : c.capacityDaysPerTerm().stripTrailingZeros().toPlainString() + " days a term",
                Labels.credits(c.priceCredits()),
                Labels.day(o.reviewDate()),
                history,
                EDITABLE.contains(o.status()),
                SUBMITTABLE.contains(o.status()),
                !"WITHDRAWN".equals(o.status()),
                banner,
                errors);
    }

    @Get("/your-offers/{id}/edit")
    public HttpResponse<?> editForm(HttpRequest<?> request, Person person, @PathVariable String id) {
        return form(request, id, OfferForm.of(own(person, id)), Errors.none(), false);
    }

    /** Saved against the version the form was opened at: a change by someone else in between is said, not overwritten. */
    @Post("/your-offers/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> edit(
            HttpRequest<?> request, Person person, @PathVariable String id, @Body Map<String, Object> body) {
        checkId(id);
        OfferForm form = OfferForm.of(Form.ofBody(body));
        Errors errors = form.shapeErrors();
        if (errors.any()) {
            return form(request, id, form, errors, false);
        }
        ApiReply reply = api.put(
                person,
                Paths.of("/offers/", id).toString(),
                form.body(),
                Map.of("If-Match", "\"v" + form.version() + "\""));
        if (reply.ok()) {
            return HttpResponse.seeOther(URI.create("/your-offers/" + Paths.encode(id) + "?done=saved"));
        }
        if (reply.status() == 412 || reply.status() == 428) {
            Directory.Offer now = own(person, id);
            OfferForm mine = new OfferForm(
                    form.title(),
                    form.description(),
                    form.areasOfSupport(),
                    form.phases(),
                    form.deliveryModes(),
                    form.capacity(),
                    form.price(),
                    form.contactName(),
                    form.contactEmail(),
                    form.contactPhone(),
                    form.evidence(),
                    "",
                    Long.toString(now.version()));
            return form(
                    request,
                    id,
                    mine,
                    Errors.none()
                            .add(
                                    "",
                                    "Someone else changed this offer since you opened it. Your changes are "
                                            + "below but are not saved: check the offer as it is now, then save again to replace it with yours."),
                    true);
        }
        if (reply.missing()) {
            throw new PageNotFound("offer " + id);
        }
        if (reply.refused()) {
            return form(
                    request,
                    id,
                    form,
                    ProblemMessages.of(reply.problem(), OfferForm.API_FIELDS, "The offer could not be saved")
                            .ordered(OfferForm.FIELDS),
                    false);
        }
        throw reply.unavailable();
    }

    @Post("/your-offers/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> submit(Person person, @PathVariable String id, @Body Map<String, Object> body) {
        return assurance(person, id, "SUBMIT", null, Form.ofBody(body).text("version"), "submitted");
    }

    @Get("/your-offers/{id}/withdraw")
    public HttpResponse<?> withdrawForm(HttpRequest<?> request, Person person, @PathVariable String id) {
        Directory.Offer o = own(person, id);
        return pages.ok(
                request,
                "offers/withdraw",
                "Withdraw the offer",
                new OfferPages.WithdrawPage(o.id(), o.content().title(), o.version(), Errors.none()));
    }

    @Post("/your-offers/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> withdraw(Person person, @PathVariable String id, @Body Map<String, Object> body) {
        Form form = Form.ofBody(body);
        return assurance(
                person,
                id,
                "WITHDRAW",
                form.text("reason").isEmpty() ? null : form.text("reason"),
                form.text("version"),
                "withdrawn");
    }

    private HttpResponse<?> assurance(
            Person person, String id, String action, String reason, String version, String done) {
        checkId(id);
        Map<String, Object> body =
                reason == null ? Map.of("action", action) : Map.of("action", action, "reason", reason);
        Map<String, String> headers =
                version.matches("[0-9]{1,12}") ? Map.of("If-Match", "\"v" + version + "\"") : Map.of();
        ApiReply reply = api.post(person, Paths.of("/offers/", id, "/assurance").toString(), body, headers);
        if (reply.ok()) {
            return HttpResponse.seeOther(URI.create("/your-offers/" + Paths.encode(id) + "?done=" + done));
        }
        if (reply.missing()) {
            throw new PageNotFound("offer " + id);
        }
        if (reply.refused()) {
            return HttpResponse.seeOther(URI.create("/your-offers/" + Paths.encode(id) + "?refused="
                    + (reply.status() == 412 ? "stale-version" : "refused")));
        }
        throw reply.unavailable();
    }

    @Get("/profile")
    public HttpResponse<?> profile(HttpRequest<?> request, Person person) {
        ApiReply reply =
                api.get(person, Paths.of("/providers/", providerOf(person)).toString());
        if (!reply.ok()) {
            throw new PageNotFound("provider " + person.organisation());
        }
        Directory.Provider p = reply.as(Directory.Provider.class);
        List<String> verified = p.verifiedDesignations() == null ? List.of() : p.verifiedDesignations();
        return pages.ok(
                request,
                "offers/profile",
                p.name(),
                new OfferPages.ProfilePage(
                        p,
                        Labels.providerType(p.type()),
                        p.designations() == null
                                ? List.of()
                                : p.designations().stream()
                                        .map(d -> Labels.designation(d)
                                                + (verified.contains(d)
                                                        ? " (verified)"
                                                        : " (waiting for an assurer to check it)"))
                                        .toList(),
                        p.refusedOrNone().stream()
                                .map(r -> new OfferPages.RefusedClaim(
                                        Labels.designation(r.designation()),
                                        r.refusedAt() == null ? "" : Labels.day(r.refusedAt()),
                                        r.reason() == null ? "" : r.reason()))
                                .toList()));
    }

    private HttpResponse<?> form(
            HttpRequest<?> request, String id, OfferForm form, Errors errors, boolean changedByOthers) {
        String heading = id == null ? "Draft an offer of support" : "Change your offer";
        String action = id == null ? "/your-offers/new" : "/your-offers/" + id + "/edit";
        var page = new OfferPages.FormPage(
                id,
                action,
                heading,
                form,
                form.areaChoices(),
                form.phaseChoices(),
                form.modeChoices(),
                errors,
                changedByOthers);
        return errors.any()
                ? pages.invalid(request, "offers/form", heading, page)
                : pages.ok(request, "offers/form", heading, page);
    }

    /** The offer, if it is this provider's own; "page not found" otherwise. */
    private Directory.Offer own(Person person, String id) {
        checkId(id);
        ApiReply reply = api.get(person, Paths.of("/offers/", id).toString());
        if (!reply.ok()) {
            throw new PageNotFound("offer " + id);
        }
        Directory.Offer offer = reply.as(Directory.Offer.class);
        if (!offer.providerId().equals(person.organisation())) {
            throw new PageNotFound("offer " + id);
        }
        return offer;
    }

    private static String providerOf(Person person) {
        if (!person.isProvider()) {
            throw new PageNotFound("a provider's pages");
        }
        return person.organisation();
    }

    private static void checkId(String id) {
        if (!id.matches(ID)) {
            throw new PageNotFound("offer " + id);
        }
    }
}
