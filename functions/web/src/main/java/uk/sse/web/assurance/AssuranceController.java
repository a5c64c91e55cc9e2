package uk.sse.web.assurance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
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
 * An assurer's work: the offers waiting for a decision, oldest first, and the approvals whose review date falls due
 * within {@value #DUE_DAYS} days; the review of one offer, showing what changed since it was last approved; and the
 * decision: approve to a review date, ask for changes, reject or suspend, each with what the provider is told.
 */
@Controller("/offers-to-review")
@WebPages
public class AssuranceController {

    static final int DUE_DAYS = 30;
    private static final String ID = "[A-Za-z0-9_-]{1,64}";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** An assurer's decisions, in the order the form offers them; which of them this assurer may take is the directory's answer. */
    private static final List<String> DECISIONS = List.of("APPROVE", "REQUEST_CHANGES", "REJECT", "SUSPEND");

    private static final Map<String, String> DECISION_LABELS = Map.of(
            "APPROVE",
            "Approve it",
            "REQUEST_CHANGES",
            "Ask for changes",
            "REJECT",
            "Reject it",
            "SUSPEND",
            "Suspend it");
    private static final Map<String, String> BANNERS = Map.of(
            "APPROVE",
            "The offer is assured. Advisers can now find it.",
            "REQUEST_CHANGES",
            "The provider is asked for the changes.",
            "REJECT",
            "The offer is rejected.",
            "SUSPEND",
            "The offer is suspended. Advisers no longer see it.",
            "VERIFIED",
            "The designation is verified. It now shows on the provider's offers.",
            "REFUSED",
            "The claim is refused. The provider is shown your reason.");
    private static final Map<String, ProblemMessages.Field> FIELDS = Map.of(
            "reviewDate",
            new ProblemMessages.Field("reviewDate-day", "The review date"),
            "reason",
            new ProblemMessages.Field("reason", "The message"));

    private final Pages pages;
    private final Api api;

    public AssuranceController(Pages pages, Api api) {
        this.pages = pages;
        this.api = api;
    }

    @Get
    public HttpResponse<?> queue(HttpRequest<?> request, Person person, @Nullable @QueryValue String done) {
        if (person.area() == null) {
            throw new PageNotFound("assurance queue");
        }
        CompletableFuture<ApiReply> submitted = api.getAsync(
                person, Paths.of("/assurance/queue").query("limit", 100).toString());
        CompletableFuture<ApiReply> approved = api.getAsync(
                person,
                Paths.of("/offers")
                        .query("area", person.area())
                        .query("status", "APPROVED")
                        .query("limit", 100)
                        .toString());
        ApiReply waitingReply = Api.join(submitted);
        if (waitingReply.refused()) {
            throw new PageNotFound("assurance queue");
        }
        LocalDate today = LocalDate.now(ENGLAND);
        List<Row> waiting = new ArrayList<>();
        for (Directory.Offer o : waitingReply.as(Directory.OfferPage.class).items()) {
            String since = submittedAt(o);
            long days = Labels.parseDay(since)
                    .map(d -> ChronoUnit.DAYS.between(d, today))
                    .orElse(0L);
            boolean before = o.history() != null && o.history().stream().anyMatch(h -> "APPROVED".equals(h.to()));
            waiting.add(new Row(
                    since,
                    new AssurancePages.Row(
                            href(o),
                            o.content().title(),
                            o.providerName(),
                            Labels.day(since),
                            days == 0 ? "Submitted today" : "Waiting " + Labels.days(days),
                            before
                                    ? new Labels.Tag("Changed since assured", "orange")
                                    : new Labels.Tag("New", "blue"))));
        }
        ApiReply approvedReply = Api.join(approved);
        List<Row> due = new ArrayList<>();
        if (approvedReply.ok()) {
            for (Directory.Offer o : approvedReply.as(Directory.OfferPage.class).items()) {
                LocalDate review = o.reviewDate() == null
                        ? null
                        : Labels.parseDay(o.reviewDate()).orElse(null);
                if (review != null && !review.isAfter(today.plusDays(DUE_DAYS))) {
                    due.add(new Row(
                            o.reviewDate(),
                            new AssurancePages.Row(
                                    href(o),
                                    o.content().title(),
                                    o.providerName(),
                                    Labels.day(o.reviewDate()),
                                    "",
                                    review.isBefore(today)
                                            ? new Labels.Tag("Review overdue", "red")
                                            : new Labels.Tag("Review by " + Labels.day(o.reviewDate()), "yellow"))));
                }
            }
        }
        List<AssurancePages.ClaimRow> claims = DesignationsController.waiting(api, person).stream()
                .map(c -> new AssurancePages.ClaimRow(
                        DesignationsController.href(c),
                        Labels.designation(c.designation()),
                        c.provider().name(),
                        Labels.day(c.provider().updatedAt())))
                .toList();
        var page = new AssurancePages.QueuePage(
                sorted(waiting), sorted(due), claims, done == null ? null : BANNERS.get(done));
        return pages.ok(request, "assurance/queue", "Offers to review", page);
    }

    @Get("/{id}")
    public HttpResponse<?> review(HttpRequest<?> request, Person person, @PathVariable String id) {
        return reviewPage(request, person, id, "", "", "", "", "", Errors.none());
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> decide(
            HttpRequest<?> request, Person person, @PathVariable String id, @Body Map<String, Object> body) {
        Form form = Form.ofBody(body);
        String decision = form.text("decision");
        String reason = form.text("reason");
        String day = form.text("reviewDate-day");
        String month = form.text("reviewDate-month");
        String year = form.text("reviewDate-year");
        Errors errors = Errors.none();
        if (!DECISION_LABELS.containsKey(decision)) {
            errors.add("decision", "Select a decision");
        } else if ("APPROVE".equals(decision) && form.date("reviewDate").isEmpty()) {
            errors.add(
                    "reviewDate-day",
                    day.isEmpty() && month.isEmpty() && year.isEmpty()
                            ? "Enter the date the offer must be reviewed by"
                            : "The review date must be a real date, like 31 8 "
                                    + (LocalDate.now(ENGLAND).getYear() + 1));
        } else if (!"APPROVE".equals(decision) && reason.isEmpty()) {
            errors.add(
                    "reason",
                    "REQUEST_CHANGES".equals(decision)
                            ? "Enter the changes the provider must make"
                            : "Enter the reason the provider will read");
        }
        if (errors.any()) {
            return reviewPage(request, person, id, decision, day, month, year, reason, errors);
        }
        Map<String, Object> step = new HashMap<>(Map.of("action", decision));
        if ("APPROVE".equals(decision)) {
            step.put("reviewDate", form.date("reviewDate").orElseThrow().toString());
        }
        if (!reason.isEmpty()) {
            step.put("reason", reason);
        }
        String version = form.text("version");
        Map<String, String> headers =
                version.matches("[0-9]{1,12}") ? Map.of("If-Match", "\"v" + version + "\"") : Map.of();
        ApiReply reply = api.post(person, Paths.of("/offers/", id, "/assurance").toString(), step, headers);
        if (reply.ok()) {
            return HttpResponse.seeOther(URI.create("/offers-to-review?done=" + decision));
        }
        if (reply.missing()) {
            throw new PageNotFound("offer " + id);
        }
        if (reply.refused()) {
            Errors refused = reply.status() == 412 || "stale-version".equals(reply.problemCode())
                    ? Errors.none()
                            .add(
                                    "",
                                    "The provider changed this offer since you opened it. Check what changed and decide again.")
                    : ProblemMessages.of(
                            reply.problem(), FIELDS, "This decision could not be made. Check the offer and try again.");
            return reviewPage(request, person, id, decision, day, month, year, reason, refused);
        }
        throw reply.unavailable();
    }

    private HttpResponse<?> reviewPage(
            HttpRequest<?> request,
            Person person,
            String id,
            String decision,
            String day,
            String month,
            String year,
            String reason,
            Errors errors) {
        if (!id.matches(ID)) {
            throw new PageNotFound("offer " + id);
        }
        CompletableFuture<ApiReply> offerCall =
                api.getAsync(person, Paths.of("/offers/", id).toString());
        CompletableFuture<ApiReply> versionsCall =
                api.getAsync(person, Paths.of("/offers/", id, "/versions").toString());
        ApiReply offerReply = Api.join(offerCall);
        ApiReply versionsReply = Api.join(versionsCall);
        if (offerReply.missing() || offerReply.refused() || versionsReply.missing() || versionsReply.refused()) {
            throw new PageNotFound("offer " + id);
        }
        Directory.Offer o = offerReply.as(Directory.Offer.class);
        List<Directory.Offer> versions = versionsReply.as(Argument.listOf(Directory.Offer.class));
        var approved = OfferDiff.lastApproved(versions, o.version());
        List<OfferDiff.Change> changes =
                approved.map(a -> OfferDiff.between(a.content(), o.content())).orElse(List.of());
        List<Choice> decisions = DECISIONS.stream()
                .filter(o.allowedOrNone()::contains)
                .map(d -> new Choice(d, DECISION_LABELS.get(d), d.equals(decision)))
                .toList();
        Directory.Content c = o.content();
        List<AssurancePages.Summary> content = List.of(
                new AssurancePages.Summary("Description", c.description()),
                new AssurancePages.Summary("Areas of support", String.join(", ", Labels.areas(c.areasOfSupport()))),
                new AssurancePages.Summary("Phases", String.join(", ", Labels.phases(c.phases()))),
                new AssurancePages.Summary("Price", Labels.credits(c.priceCredits())),
                new AssurancePages.Summary(
                        "Evidence",
                        c.evidence() == null || c.evidence().summary() == null
                                ? "None given"
                                : c.evidence().summary()));
        var page = new AssurancePages.ReviewPage(
                o.id(),
                c.title(),
                o.providerName(),
                Labels.offerStatus(o.status(), o.reviewDate()),
                Labels.day(o.reviewDate()),
                Labels.day(submittedAt(o)),
                changes,
                approved.map(a -> Labels.day(approved.get().updatedAt())).orElse(null),
                content,
                decisions,
                day,
                month,
                year,
                reason,
                o.version(),
                errors,
                null);
        String title = "Review " + c.title();
        return errors.any()
                ? pages.invalid(request, "assurance/review", title, page)
                : pages.ok(request, "assurance/review", title, page);
    }

    /** When the offer was last submitted (its latest move to SUBMITTED), or when it last changed. */
    private static String submittedAt(Directory.Offer o) {
        if (o.history() != null) {
            for (int i = o.history().size() - 1; i >= 0; i--) {
                if ("SUBMITTED".equals(o.history().get(i).to())
                        && o.history().get(i).at() != null) {
                    return o.history().get(i).at();
                }
            }
        }
        return o.updatedAt() == null ? "" : o.updatedAt();
    }

    private static String href(Directory.Offer o) {
        return "/offers-to-review/" + Paths.encode(o.id());
    }

    private record Row(String key, AssurancePages.Row row) {}

    private static List<AssurancePages.Row> sorted(List<Row> rows) {
        return rows.stream()
                .sorted(Comparator.comparing(Row::key))
                .map(Row::row)
                .toList();
    }
}
