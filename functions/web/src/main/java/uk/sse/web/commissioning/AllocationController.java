package uk.sse.web.commissioning;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Directory;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * A commissioner allocates credits from the area's issuing account: to one school, or to many from a CSV sheet of URN
 * and amount. The sheet is read and every line checked (a URN of a school with credits in the area, a whole amount, no
 * school twice) and previewed with the schools' names before anything is written; a sheet with any bad line is refused
 * whole, each bad line named. Applying sends each line to the ledger's {@code /allocations} with a transfer id made of
 * the upload's key and the URN, so sending the same upload again (a double click, the back button) gives nothing twice.
 */
@Controller("/allocate-credits")
@WebPages
public class AllocationController {

    private static final String KEY = "[0-9a-f-]{36}";
    private static final String TITLE = "Allocate credits";

    private final Pages pages;
    private final Api api;

    public AllocationController(Pages pages, Api api) {
        this.pages = pages;
        this.api = api;
    }

    @Get
    public HttpResponse<?> form(HttpRequest<?> request, Person person) {
        DashboardController.mustCommission(person);
        return pages.ok(
                request,
                "commissioning/allocate",
                TITLE,
                new CommissioningPages.Allocate(
                        UUID.randomUUID().toString(), "", "", "", "", Errors.none(), List.of()));
    }

    /** Checks the allocation and shows what it will do; writes nothing. */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> check(HttpRequest<?> request, Person person, @Body Map<String, Object> body) {
        DashboardController.mustCommission(person);
        Asked asked = Asked.of(Form.ofBody(body));
        Errors errors = asked.errors();
        Checked checked = errors.any() ? null : check(person, asked.sheet());
        if (errors.any() || !checked.problems().isEmpty()) {
            return refused(request, asked, errors, checked);
        }
        List<CommissioningPages.PreviewLine> lines = checked.read().lines().stream()
                .map(l -> new CommissioningPages.PreviewLine(
                        l.number(),
                        l.urn(),
                        checked.names().getOrDefault(l.urn(), "School " + l.urn()),
                        Labels.credits(l.amount())))
                .toList();
        int schools = lines.size();
        return pages.ok(
                request,
                "commissioning/preview",
                "Check the allocation",
                new CommissioningPages.Preview(
                        asked.key(),
                        asked.reference(),
                        asked.sheet(),
                        lines,
                        Labels.credits(checked.read().total()),
                        schools + (schools == 1 ? " school" : " schools")));
    }

    /** Applies a checked allocation, line by line, each once however often it is sent. */
    @Post("/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> apply(HttpRequest<?> request, Person person, @Body Map<String, Object> body) {
        DashboardController.mustCommission(person);
        Asked asked = Asked.of(Form.ofBody(body));
        Errors errors = asked.errors();
        Checked checked = errors.any() ? null : check(person, asked.sheet());
        if (errors.any() || !checked.problems().isEmpty()) {
            return refused(request, asked, errors, checked);
        }
        for (AllocationSheet.Line line : checked.read().lines()) {
            Map<String, Object> allocation = Map.of(
                    "id",
                    "alloc." + asked.key() + "." + line.urn(),
                    "to",
                    person.area() + "/" + line.urn(),
                    "amount",
                    line.amount(),
                    "reference",
                    asked.reference());
            ApiReply reply = api.post(person, "/allocations", allocation, Map.of());
            if (reply.refused() || reply.missing()) {
                errors.add(
                        "sheet",
                        "Line " + line.number() + ": URN " + line.urn() + " could not be given credits ("
                                + ("conflict".equals(reply.problemCode()) || reply.status() == 409
                                        ? "this allocation already gave it a different amount; start a new allocation"
                                        : "the ledger refused it")
                                + "). The lines before it were allocated.");
                return pages.invalid(request, "commissioning/allocate", TITLE, asked.page(errors, List.of()));
            }
            if (!reply.ok()) {
                throw reply.unavailable();
            }
        }
        return HttpResponse.seeOther(
                URI.create("/dashboard?allocated=" + checked.read().lines().size()));
    }

    /**
     * The form again with what is wrong: a field's own error, or for a sheet, one message saying how many lines to
     * correct and every bad line listed under it (a single school's line is its own message).
     */
    private HttpResponse<?> refused(HttpRequest<?> request, Asked asked, Errors errors, Checked checked) {
        List<String> problems = checked == null
                ? List.of()
                : checked.problems().stream()
                        .map(AllocationSheet.Problem::message)
                        .toList();
        if (!asked.sheetGiven() && !problems.isEmpty()) {
            String reason = checked.problems().get(0).reason();
            errors.add(
                    reason.contains("is not an amount") ? "amount" : "urn",
                    reason.substring(0, 1).toUpperCase() + reason.substring(1));
            problems = List.of();
        } else if (problems.size() == 1) {
            errors.add("sheet", problems.get(0));
            problems = List.of();
        } else if (!problems.isEmpty()) {
            errors.add("sheet", "The CSV has " + problems.size() + " lines to correct. Nothing has been given");
        }
        return pages.invalid(request, "commissioning/allocate", TITLE, asked.page(errors, problems));
    }

    /** What the form asked for: the upload's key, what the credits are for, and the sheet (one school's line if no sheet). */
    private record Asked(String key, String reference, String sheet, String rawSheet, String urn, String amount) {

        static Asked of(Form form) {
            String sheet = form.text("sheet");
            String urn = form.text("urn");
            String amount = form.text("amount");
            return new Asked(
                    form.text("key"),
                    form.text("reference"),
                    sheet.isEmpty() && !(urn + amount).isEmpty() ? urn + "," + amount : sheet,
                    sheet,
                    urn,
                    amount);
        }

        boolean sheetGiven() {
            return !rawSheet.isEmpty();
        }

        Errors errors() {
            Errors errors = Errors.none();
            if (!key.matches(KEY)) {
                errors.add("", "This page has expired. Start the allocation again");
            }
            if (reference.isEmpty()) {
                errors.add("reference", "Enter what the credits are for, like Spring term allocation");
            } else if (reference.length() > 200) {
                errors.add("reference", "What the credits are for must be 200 characters or fewer");
            }
            if (rawSheet.isEmpty() && urn.isEmpty() && amount.isEmpty()) {
                errors.add("urn", "Enter a school's URN and the credits to give it, or paste a CSV of URN and amount");
            } else if (!rawSheet.isEmpty() && !(urn + amount).isEmpty()) {
                errors.add("sheet", "Give one school or a CSV of schools, not both");
            }
            return errors;
        }

        CommissioningPages.Allocate page(Errors errors, List<String> problems) {
            return new CommissioningPages.Allocate(
                    key.matches(KEY) ? key : UUID.randomUUID().toString(),
                    reference,
                    rawSheet,
                    urn,
                    amount,
                    errors,
                    problems);
        }
    }

    /** The sheet read, its problems (its own and schools without credits in the area), and the schools' names. */
    private record Checked(
            AllocationSheet.Read read, List<AllocationSheet.Problem> problems, Map<String, String> names) {}

    private Checked check(Person person, String sheet) {
        AllocationSheet.Read read = AllocationSheet.read(sheet);
        Map<String, CompletableFuture<ApiReply>> accounts = new LinkedHashMap<>();
        Map<String, CompletableFuture<ApiReply>> schools = new LinkedHashMap<>();
        for (AllocationSheet.Line line : read.lines()) {
            accounts.put(
                    line.urn(),
                    api.getAsync(
                            person,
                            Paths.of("/accounts/", person.area(), "/", line.urn())
                                    .toString()));
            schools.put(
                    line.urn(),
                    api.getAsync(person, Paths.of("/schools/", line.urn()).toString()));
        }
        List<AllocationSheet.Problem> problems = new ArrayList<>(read.problems());
        Map<String, String> names = new LinkedHashMap<>();
        for (AllocationSheet.Line line : read.lines()) {
            ApiReply account = Api.join(accounts.get(line.urn()));
            ApiReply school = Api.join(schools.get(line.urn()));
            if (account.missing() || account.refused()) {
                problems.add(new AllocationSheet.Problem(
                        line.number(), "URN " + line.urn() + " is not a school with credits in your area"));
            } else if (!account.ok()) {
                throw account.unavailable();
            }
            if (school.ok()) {
                names.put(line.urn(), school.as(Directory.School.class).name());
            }
        }
        problems.sort(java.util.Comparator.comparingLong(AllocationSheet.Problem::number));
        return new Checked(read, problems, names);
    }
}
