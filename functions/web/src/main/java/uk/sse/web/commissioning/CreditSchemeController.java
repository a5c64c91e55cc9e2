package uk.sse.web.commissioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Ledger;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.session.Person;

/**
 * A commissioner sets the area's credit scheme (decision 0083): the credits each member school is given each term, and
 * whether what is left of a school year's entitlement expires when the year ends. The ledger keeps the scheme and its
 * scheduled job gives and expires, each once; this page only says what the scheme is and changes it. The form carries
 * the version it was read at, so two commissioners editing at once cannot overwrite each other unseen.
 */
@Controller("/credit-scheme")
@WebPages
public class CreditSchemeController {

    static final String TITLE = "Credits each term";
    private static final String VIEW = "commissioning/scheme";

    private final Pages pages;
    private final Api api;

    public CreditSchemeController(uk.sse.web.pages.Pages pages, Api api) {
        this.pages = new Pages(pages);
        this.api = api;
    }

    @Get
    public HttpResponse<?> form(HttpRequest<?> request, Person person, @Nullable @QueryValue String saved) {
        DashboardController.mustCommission(person);
        ApiReply reply = api.get(person, path(person));
        if (!reply.ok()) {
            throw reply.unavailable();
        }
        Ledger.CreditScheme s = reply.as(Ledger.CreditScheme.class);
        return pages.ok(
                request,
                page(
                        String.valueOf(s.creditsPerTerm()),
                        s.version() == 0 ? "" : String.valueOf(s.unspentExpires()),
                        s.version(),
                        Errors.none(),
                        saved == null
                                ? null
                                : "The credit scheme is saved. Schools are given it from the next run, within a day"));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, Person person, @Body Map<String, Object> body) {
        DashboardController.mustCommission(person);
        Form form = Form.ofBody(body);
        String credits = form.text("creditsPerTerm");
        String expires = form.text("unspentExpires");
        String version = form.text("version");
        Errors errors = Errors.none();
        if (credits.isEmpty()) {
            errors.add("creditsPerTerm", "Enter the credits each school is given each term, or 0 for none");
        } else if (!credits.matches("[0-9]{1,4}") || Integer.parseInt(credits) > 1000) {
            errors.add("creditsPerTerm", "Credits each term must be a whole number from 0 to 1000");
        }
        if (!expires.equals("true") && !expires.equals("false")) {
            errors.add(
                    "unspentExpires",
                    "Choose what happens to credits a school has not spent at the end of the school year");
        }
        long read = version.matches("[0-9]{1,18}") ? Long.parseLong(version) : -1;
        if (read < 0) {
            errors.add("", "This page has expired. Open the credit scheme again");
        }
        if (errors.any()) {
            return pages.invalid(request, page(credits, expires, Math.max(read, 0), errors, null));
        }
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("creditsPerTerm", Integer.parseInt(credits));
        scheme.put("unspentExpires", Boolean.parseBoolean(expires));
        scheme.put("version", read);
        ApiReply reply = api.put(person, path(person), scheme, Map.of());
        if (reply.status() == 412) {
            errors.add(
                    "creditsPerTerm",
                    "Someone else changed the credit scheme while you were editing it. Check it and save again");
            return pages.invalid(request, page(credits, expires, read, errors, null));
        }
        if (!reply.ok()) {
            throw reply.unavailable();
        }
        return HttpResponse.seeOther(URI.create("/credit-scheme?saved=1"));
    }

    private static String path(Person person) {
        return Paths.of("/ledger/credit-schemes/", person.area()).toString();
    }

    private static CommissioningPages.Scheme page(
            String credits, String expires, long version, Errors errors, String banner) {
        return new CommissioningPages.Scheme(
                credits,
                List.of(
                        new Choice(
                                "true",
                                "They expire at the end of the school year",
                                "What is left of the year's entitlement is taken back after 31 August. Credits a school earned by giving support are never taken.",
                                expires.equals("true")),
                        new Choice("false", "Schools keep them", null, expires.equals("false"))),
                version,
                errors,
                banner);
    }

    /** The two page answers this controller gives, with its view and title. */
    private record Pages(uk.sse.web.pages.Pages pages) {
        HttpResponse<?> ok(HttpRequest<?> request, Object page) {
            return pages.ok(request, VIEW, TITLE, page);
        }

        HttpResponse<?> invalid(HttpRequest<?> request, Object page) {
            return pages.invalid(request, VIEW, TITLE, page);
        }
    }
}
