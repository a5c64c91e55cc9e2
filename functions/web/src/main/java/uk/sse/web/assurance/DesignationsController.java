package uk.sse.web.assurance;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Directory;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * An assurer verifies or refuses a designation a provider of their area claims (decision 0033): one page per claim,
 * showing who the provider is and what it claims, and the verification or the refusal with its reason, sent to the
 * directory with If-Match of the provider read.
 */
@Controller("/offers-to-review/designations")
@WebPages
public class DesignationsController {

    private static final String ID = "[A-Za-z0-9_-]{1,64}";
    private static final String CODE = "[A-Z_]{1,64}";
    private static final String VERIFY = "VERIFY_DESIGNATIONS";
    private static final String REFUSE = "REFUSE_DESIGNATIONS";
    private static final int REASON_MAX = 2000;
    private static final String CHANGED =
            "The provider changed its details since you opened this page. Check them and verify again.";

    private final Pages pages;
    private final Api api;

    public DesignationsController(Pages pages, Api api) {
        this.pages = pages;
        this.api = api;
    }

    /** The claims waiting in the assurer's area, for the queue page. */
    static List<DesignationClaims.Claim> waiting(Api api, Person person) {
        List<Directory.Provider> providers = new ArrayList<>();
        String cursor = null;
        do {
            Paths path = Paths.of("/providers").query("area", person.area()).query("limit", 100);
            ApiReply reply = api.get(person, (cursor == null ? path : path.query("cursor", cursor)).toString());
            if (!reply.ok()) {
                return List.of();
            }
            Directory.ProviderPage page = reply.as(Directory.ProviderPage.class);
            providers.addAll(page.items());
            cursor = page.next();
        } while (cursor != null && providers.size() < 2000);
        return DesignationClaims.waiting(providers, person.organisation());
    }

    static String href(DesignationClaims.Claim c) {
        return "/offers-to-review/designations/" + Paths.encode(c.provider().id()) + "/" + c.designation();
    }

    @Get("/{provider}/{designation}")
    public HttpResponse<?> claim(
            HttpRequest<?> request, Person person, @PathVariable String provider, @PathVariable String designation) {
        return claimPage(request, person, provider, designation, "", Errors.none());
    }

    @Post("/{provider}/{designation}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> verify(
            HttpRequest<?> request,
            Person person,
            @PathVariable String provider,
            @PathVariable String designation,
            @Body Map<String, Object> body) {
        Directory.Provider p = decidable(person, provider, designation, VERIFY);
        if (!sameVersion(Form.ofBody(body), p)) {
            return claimPage(
                    request, person, provider, designation, "", Errors.none().add("", CHANGED));
        }
        List<String> verified =
                new ArrayList<>(p.verifiedDesignations() == null ? List.of() : p.verifiedDesignations());
        verified.add(designation);
        ApiReply reply = api.put(
                person,
                Paths.of("/providers/", provider, "/designations").toString(),
                Map.of("verified", verified),
                Map.of("If-Match", "\"v" + p.version() + "\""));
        if (reply.ok()) {
            return HttpResponse.seeOther(URI.create("/offers-to-review?done=VERIFIED"));
        }
        if (reply.refused()) {
            return claimPage(request, person, provider, designation, "", refusedBecause(reply));
        }
        throw reply.unavailable();
    }

    /** The assurer refuses the claim with a reason the provider will read; the claim leaves the list. */
    @Post("/{provider}/{designation}/refuse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> refuse(
            HttpRequest<?> request,
            Person person,
            @PathVariable String provider,
            @PathVariable String designation,
            @Body Map<String, Object> body) {
        Directory.Provider p = decidable(person, provider, designation, REFUSE);
        Form form = Form.ofBody(body);
        String reason = form.text("reason");
        if (!sameVersion(form, p)) {
            return claimPage(
                    request,
                    person,
                    provider,
                    designation,
                    reason,
                    Errors.none().add("", CHANGED));
        }
        if (reason.isBlank()) {
            return claimPage(
                    request,
                    person,
                    provider,
                    designation,
                    reason,
                    Errors.none().add("reason", "Enter why you are refusing this claim. The provider will read it"));
        }
        if (reason.length() > REASON_MAX) {
            return claimPage(
                    request,
                    person,
                    provider,
                    designation,
                    reason,
                    Errors.none().add("reason", "The reason must be " + REASON_MAX + " characters or fewer"));
        }
        ApiReply reply = api.post(
                person,
                Paths.of("/providers/", provider, "/designations/refusals").toString(),
                Map.of("designation", designation, "reason", reason),
                Map.of("If-Match", "\"v" + p.version() + "\""));
        if (reply.ok()) {
            return HttpResponse.seeOther(URI.create("/offers-to-review?done=REFUSED"));
        }
        if (reply.refused()) {
            return claimPage(request, person, provider, designation, reason, refusedBecause(reply));
        }
        throw reply.unavailable();
    }

    /** The provider and its claim, if this assurer may take that action on it now; otherwise the page is not found. */
    private Directory.Provider decidable(Person person, String provider, String designation, String action) {
        Directory.Provider p = read(person, provider, designation);
        if (!p.allowedOrNone().contains(action)) {
            throw new PageNotFound("designation claim");
        }
        return p;
    }

    /** Whether the form was filled in from the provider as it is now. */
    private static boolean sameVersion(Form form, Directory.Provider p) {
        String version = form.text("version");
        return version.matches("[0-9]{1,12}") && Long.parseLong(version) == p.version();
    }

    private static Errors refusedBecause(ApiReply reply) {
        return reply.status() == 412 || "stale-version".equals(reply.problemCode())
                ? Errors.none().add("", CHANGED)
                : Errors.none()
                        .add(
                                "",
                                "You cannot decide on this claim. An assurer never decides on their own organisation's.");
    }

    private HttpResponse<?> claimPage(
            HttpRequest<?> request, Person person, String provider, String designation, String reason, Errors errors) {
        Directory.Provider p = read(person, provider, designation);
        List<String> verified = p.verifiedDesignations() == null
                ? List.of()
                : p.verifiedDesignations().stream().map(Labels::designation).toList();
        var page = new AssurancePages.ClaimPage(
                "/offers-to-review/designations/" + Paths.encode(p.id()) + "/" + designation,
                p.name(),
                Labels.providerType(p.type()),
                p.website(),
                p.description(),
                Labels.designation(designation),
                verified,
                p.allowedOrNone().contains(VERIFY),
                p.allowedOrNone().contains(REFUSE),
                reason,
                p.version(),
                errors);
        String title = "Verify " + Labels.designation(designation) + " for " + p.name();
        return errors.any()
                ? pages.invalid(request, "assurance/claim", title, page)
                : pages.ok(request, "assurance/claim", title, page);
    }

    /** The provider, if it is in the assurer's area and claims the designation without its being verified yet. */
    private Directory.Provider read(Person person, String provider, String designation) {
        if (person.area() == null || !provider.matches(ID) || !designation.matches(CODE)) {
            throw new PageNotFound("designation claim");
        }
        ApiReply reply = api.get(person, Paths.of("/providers/", provider).toString());
        if (!reply.ok()) {
            if (reply.missing() || reply.refused()) {
                throw new PageNotFound("designation claim");
            }
            throw reply.unavailable();
        }
        Directory.Provider p = reply.as(Directory.Provider.class);
        if (!person.area().equals(p.area()) || !DesignationClaims.unverified(p).contains(designation)) {
            throw new PageNotFound("designation claim");
        }
        return p;
    }
}
