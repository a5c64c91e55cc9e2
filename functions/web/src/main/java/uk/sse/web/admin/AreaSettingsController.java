package uk.sse.web.admin;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import uk.sse.kernel.identity.Role;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Directory;
import uk.sse.web.api.Ledger;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.forms.ProblemMessages;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Hats;
import uk.sse.web.session.Person;

/**
 * An area's admin sees and changes their area's settings (decision 0086) over the directory's register of areas
 * (decision 0082): its name, which schools are its members (LAs, GIAS trusts, schools by URN; an LA's area is its LA),
 * and whether its schools may ask for support themselves. Its kind is the registrar's, and its credit scheme the
 * commissioner's: both are shown, not changed. The area is the one the admin acts in; the directory decides again.
 */
@Controller("/area-settings")
@WebPages
public class AreaSettingsController {

    static final String TITLE = "Area settings";
    static final String CHANGE_TITLE = "Change the area's settings";
    /** Schools named on the summary at most; the rest are counted. */
    static final int SCHOOLS_NAMED = 50;

    private static final Map<String, ProblemMessages.Field> FIELDS = Map.of(
            "name", new ProblemMessages.Field("name", "The name"),
            "laCodes", new ProblemMessages.Field("laCodes", "Local authorities"),
            "trustCodes", new ProblemMessages.Field("trustCodes", "Trusts"),
            "urns", new ProblemMessages.Field("urns", "Schools"),
            "schoolsRaiseRequests", new ProblemMessages.Field("schoolsRaiseRequests", "Whether schools may ask"));
    private static final List<String> ORDER =
            List.of("name", "laCodes", "trustCodes", "urns", "schoolsRaiseRequests", "");

    private final Pages pages;
    private final Api api;
    private final Hats hats;

    public AreaSettingsController(Pages pages, Api api, Hats hats) {
        this.pages = pages;
        this.api = api;
        this.hats = hats;
    }

    /** What the summary page shows. */
    public record Summary(
            String name,
            String kind,
            List<String> las,
            List<String> trusts,
            List<String> schools,
            int schoolsNotNamed,
            boolean schoolsAsk,
            String creditScheme,
            String banner) {}

    /** The change form. */
    public record Change(
            boolean la,
            String laName,
            String kind,
            String name,
            String laCodes,
            String trustCodes,
            String urns,
            List<Choice> asking,
            long version,
            Errors errors) {}

    @Get
    public HttpResponse<?> summary(HttpRequest<?> request, Person person, @Nullable @QueryValue String saved) {
        Directory.Area area = areaOf(person);
        CompletableFuture<ApiReply> scheme = api.getAsync(
                person, Paths.of("/ledger/credit-schemes/", area.id()).toString());
        List<String> urns = list(area.urns());
        List<CompletableFuture<ApiReply>> schools = urns.stream()
                .limit(SCHOOLS_NAMED)
                .map(urn -> api.getAsync(person, Paths.of("/schools/", urn).toString()))
                .toList();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            ApiReply reply = Api.join(schools.get(i));
            named.add(
                    reply.ok()
                            ? reply.as(Directory.School.class).name() + " (URN " + urns.get(i) + ")"
                            : "A school not in the register (URN " + urns.get(i) + ")");
        }
        ApiReply schemeReply = Api.join(scheme);
        String credits = "Set by your area's commissioner";
        if (schemeReply.ok()) {
            Ledger.CreditScheme s = schemeReply.as(Ledger.CreditScheme.class);
            credits = s.version() == 0 || s.creditsPerTerm() == 0
                    ? "None given each term"
                    : s.creditsPerTerm() + " credits each term for each school"
                            + (s.unspentExpires() ? "; unspent credits expire at the end of the school year" : "");
        }
        return pages.ok(
                request,
                "admin/area-settings",
                TITLE,
                new Summary(
                        area.name(),
                        kindLabel(area.kind()),
                        list(area.laCodes()).stream().map(hats::areaName).toList(),
                        list(area.trustCodes()).stream()
                                .map(c -> "Trust " + c + " (GIAS code)")
                                .toList(),
                        named,
                        urns.size() - named.size(),
                        area.schoolsRaiseRequests(),
                        credits,
                        saved == null ? null : "The area's settings are saved"));
    }

    @Get("/change")
    public HttpResponse<?> form(HttpRequest<?> request, Person person) {
        Directory.Area area = areaOf(person);
        return pages.ok(
                request,
                "admin/area-settings-change",
                CHANGE_TITLE,
                change(
                        area,
                        area.name(),
                        lines(area.laCodes()),
                        lines(area.trustCodes()),
                        lines(area.urns()),
                        String.valueOf(area.schoolsRaiseRequests()),
                        area.version(),
                        Errors.none()));
    }

    @Post("/change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, Person person, @Body Map<String, Object> body) {
        Directory.Area area = areaOf(person);
        Form form = Form.ofBody(body);
        String name = form.text("name");
        String asking = form.text("schoolsRaiseRequests");
        String version = form.text("version");
        List<String> laCodes = area.isLa() ? List.of(area.id()) : codes(form.text("laCodes"));
        List<String> trustCodes = area.isLa() ? List.of() : codes(form.text("trustCodes"));
        List<String> urns = area.isLa() ? List.of() : codes(form.text("urns"));
        Errors errors = Errors.none();
        if (name.isEmpty()) {
            errors.add("name", "Enter the area's name");
        } else if (name.length() > 100) {
            errors.add("name", "The name must be 100 characters or fewer");
        }
        if (!area.isLa()) {
            if (laCodes.stream().anyMatch(c -> !c.matches("[0-9]{3}"))) {
                errors.add("laCodes", "Enter each local authority as its 3-digit code, one on each line, like 888");
            }
            if (trustCodes.stream().anyMatch(c -> !c.matches("[0-9]{1,10}"))) {
                errors.add("trustCodes", "Enter each trust as its GIAS trust code, digits only, one on each line");
            }
            if (urns.stream().anyMatch(c -> !c.matches("[0-9]{6,7}"))) {
                errors.add("urns", "Enter each school as its URN, 6 or 7 digits, one on each line");
            }
            if (!errors.has("laCodes")
                    && !errors.has("trustCodes")
                    && !errors.has("urns")
                    && laCodes.isEmpty()
                    && trustCodes.isEmpty()
                    && urns.isEmpty()) {
                errors.add("laCodes", "Enter at least one local authority, trust or school, so the area has schools");
            }
        }
        if (!asking.equals("true") && !asking.equals("false")) {
            errors.add("schoolsRaiseRequests", "Choose whether the area's schools may ask for support themselves");
        }
        long read = version.matches("[0-9]{1,18}") ? Long.parseLong(version) : -1;
        if (read < 0) {
            errors.add("", "This page has expired. Open the area's settings again");
        }
        if (errors.any()) {
            return invalid(request, area, form, Math.max(read, 0), errors);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", name);
        definition.put("kind", area.kind());
        definition.put("laCodes", laCodes);
        definition.put("trustCodes", trustCodes);
        definition.put("urns", urns);
        definition.put("schoolsRaiseRequests", Boolean.parseBoolean(asking));
        // an LA's area not yet defined (version 0) is defined by its admin; otherwise the change names the version read
        ApiReply reply = api.put(
                person,
                Paths.of("/areas/", area.id()).toString(),
                definition,
                read == 0 ? Map.of() : Map.of("If-Match", "\"v" + read + "\""));
        if (reply.status() == 412 || reply.status() == 409) {
            errors.add(
                    "name",
                    "Someone else changed the area's settings while you were editing them. Check them and save again");
            return invalid(request, area, form, read, errors);
        }
        if (reply.status() == 400 || reply.status() == 422) {
            return invalid(
                    request,
                    area,
                    form,
                    read,
                    ProblemMessages.of(
                            reply.problem(), FIELDS, "The settings could not be saved. Check them and try again."));
        }
        if (reply.missing() || reply.refused()) {
            throw new PageNotFound("area settings");
        }
        if (!reply.ok()) {
            throw reply.unavailable();
        }
        return HttpResponse.seeOther(URI.create("/area-settings?saved=1"));
    }

    private HttpResponse<?> invalid(
            HttpRequest<?> request, Directory.Area area, Form form, long version, Errors errors) {
        return pages.invalid(
                request,
                "admin/area-settings-change",
                CHANGE_TITLE,
                change(
                        area,
                        form.text("name"),
                        form.text("laCodes"),
                        form.text("trustCodes"),
                        form.text("urns"),
                        form.text("schoolsRaiseRequests"),
                        version,
                        errors.ordered(ORDER)));
    }

    /** The area the person is admin of, as the directory has it; not an admin, or no such area: page not found. */
    private Directory.Area areaOf(Person person) {
        if (!person.caller().is(Role.ADMIN) || person.area() == null) {
            throw new PageNotFound("area settings");
        }
        ApiReply reply = api.get(person, Paths.of("/areas/", person.area()).toString());
        if (reply.missing() || reply.refused()) {
            throw new PageNotFound("area settings");
        }
        if (!reply.ok()) {
            throw reply.unavailable();
        }
        return reply.as(Directory.Area.class);
    }

    private Change change(
            Directory.Area area,
            String name,
            String laCodes,
            String trustCodes,
            String urns,
            String asking,
            long version,
            Errors errors) {
        return new Change(
                area.isLa(),
                hats.areaName(area.id()),
                kindLabel(area.kind()),
                name,
                laCodes,
                trustCodes,
                urns,
                List.of(
                        new Choice(
                                "true",
                                "Yes",
                                "A school's own staff may ask for support for their school. The request goes to your brokers' queue, marked as raised by the school.",
                                asking.equals("true")),
                        new Choice("false", "No, only advisers raise requests", null, asking.equals("false"))),
                version,
                errors);
    }

    static String kindLabel(String kind) {
        return switch (kind) {
            case "LA" -> "Local authority";
            case "TRUST" -> "Multi-academy trust";
            case "PARTNERSHIP" -> "Partnership";
            case "HUB" -> "Hub";
            default -> kind;
        };
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String lines(@Nullable List<String> values) {
        return String.join("\n", list(values));
    }

    /** One code a line (commas and spaces also part them), blanks and repeats dropped. */
    static List<String> codes(String text) {
        return Arrays.stream(text.split("[\\s,]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }
}
