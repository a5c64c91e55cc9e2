package uk.sse.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.Subjects;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * An area's admin answers a person's subject-access request and erasure (docs/data-protection.md, decision 0104): find
 * the person by their user ID, see what the brokerage and the ledger hold about them in the area, download it as JSON,
 * and erase it after a confirmation page. Each function answers for its own data, to the admin's own token.
 */
@Controller("/people-records")
@WebPages
public class PersonRecordsController {

    private static final String SUBJECT = Subjects.PATTERN;
    /** A provider's contact's email, as the directory takes it (it checks it again). */
    private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";

    private final Pages pages;
    private final Api api;

    public PersonRecordsController(Pages pages, Api api) {
        this.pages = pages;
        this.api = api;
    }

    @Get
    public HttpResponse<?> find(
            HttpRequest<?> request,
            Person person,
            @Nullable @QueryValue String subject,
            @Nullable @QueryValue String email) {
        mustBeAdmin(person);
        String s = subject == null ? "" : subject.strip();
        String e = email == null ? "" : email.strip();
        if (subject == null) {
            return pages.ok(
                    request,
                    "admin/people-records",
                    "A person's records",
                    new PersonRecords.FindPage(
                            "",
                            "",
                            Errors.none(),
                            false,
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            null,
                            null));
        }
        Errors errors = Errors.none();
        if (!s.matches(SUBJECT)) {
            errors = errors.add(
                    "subject",
                    s.isEmpty()
                            ? "Enter the person's user ID"
                            : "Enter a user ID as the sign-in service shows it: letters, digits and . _ @ : + -");
        }
        if (!e.isEmpty() && !validEmail(e)) {
            errors = errors.add("email", "Enter an email address in the correct format, like name@example.org");
        }
        if (errors.any()) {
            return pages.invalid(
                    request,
                    "admin/people-records",
                    "A person's records",
                    new PersonRecords.FindPage(
                            s, e, errors, false, List.of(), List.of(), List.of(), List.of(), List.of(), null, null));
        }
        Held held = held(person, s, e);
        List<PersonRecords.RequestRow> requests = held.requests().requests().stream()
                .map(m -> new PersonRecords.RequestRow(
                        m.schoolName() == null ? "School " + m.urn() : m.schoolName(),
                        "/support-requests/" + Paths.encode(m.requestId()),
                        Labels.requestStatus(m.status()).text(),
                        m.actions().stream()
                                .map(a -> a.action().toLowerCase().replace('_', ' ') + " on " + Labels.day(a.at()))
                                .collect(Collectors.joining(", ")),
                        m.texts()))
                .toList();
        List<PersonRecords.TransferRow> transfers = held.transfers().transfers().stream()
                .map(t -> new PersonRecords.TransferRow(
                        t.transferId(),
                        Labels.transferKind(t.kind()) + " of " + t.amount() + " credits on "
                                + Labels.day(t.createdAt()),
                        String.join(", ", t.parts())))
                .toList();
        List<PersonRecords.DirectoryRow> offers = held.directory().offers().stream()
                .map(o -> new PersonRecords.DirectoryRow(
                        o.title() + " (" + o.providerName() + ")",
                        Stream.concat(
                                        Stream.of(Labels.offerStatus(o.status(), null)
                                                .text()),
                                        o.actions().stream()
                                                .map(a ->
                                                        a.action().toLowerCase().replace('_', ' ') + " on "
                                                                + Labels.day(a.at())))
                                .collect(Collectors.joining(" · ")),
                        o.texts()))
                .toList();
        List<PersonRecords.DirectoryRow> providers = held.directory().providers().stream()
                .map(p -> new PersonRecords.DirectoryRow(p.name(), "", p.texts()))
                .toList();
        List<String> notifications = held.notifications().items().stream()
                .collect(Collectors.groupingBy(
                        i -> PersonRecords.notificationKind(i.entity()), java.util.TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .map(k -> k.getKey() + ": " + k.getValue())
                .toList();
        String query = Paths.of("").query("subject", s).query("email", e).toString();
        return pages.ok(
                request,
                "admin/people-records",
                "A person's records",
                new PersonRecords.FindPage(
                        s,
                        e,
                        Errors.none(),
                        true,
                        requests,
                        transfers,
                        offers,
                        providers,
                        notifications,
                        "/people-records/export" + query,
                        "/people-records/erase" + query));
    }

    /** Everything both functions hold about the person in the area, as one JSON file to send them. */
    @Get("/export")
    public HttpResponse<?> export(Person person, @QueryValue String subject, @Nullable @QueryValue String email) {
        mustBeAdmin(person);
        String e = checked(subject, email);
        Replies replies = replies(person, subject, e);
        String json = "{\"subject\":" + quoted(subject) + ",\"brokerage\":"
                + new String(replies.requests().bytes(), StandardCharsets.UTF_8)
                + ",\"ledger\":" + new String(replies.transfers().bytes(), StandardCharsets.UTF_8)
                + ",\"directory\":" + new String(replies.directory().bytes(), StandardCharsets.UTF_8)
                + ",\"notifier\":" + new String(replies.notifications().bytes(), StandardCharsets.UTF_8) + "}";
        return HttpResponse.ok(json.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"records-" + subject.replaceAll("[^A-Za-z0-9._-]", "_") + ".json\"");
    }

    @Get("/erase")
    public HttpResponse<?> confirm(
            HttpRequest<?> request, Person person, @QueryValue String subject, @Nullable @QueryValue String email) {
        mustBeAdmin(person);
        String e = checked(subject, email);
        Held held = held(person, subject, e);
        return pages.ok(
                request,
                "admin/person-erase",
                "Erase this person's records",
                new PersonRecords.ErasePage(
                        subject,
                        e,
                        held.requests().requests().size(),
                        held.transfers().transfers().size(),
                        held.directory().offers().size(),
                        held.directory().providers().size(),
                        held.notifications().items().size(),
                        "/people-records"
                                + Paths.of("").query("subject", subject).query("email", e)));
    }

    @Post("/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> erase(HttpRequest<?> request, Person person, @Body Map<String, Object> body) {
        mustBeAdmin(person);
        Form form = Form.ofBody(body);
        String subject = form.text("subject");
        String e = checked(subject, form.text("email"));
        ApiReply requests = api.post(
                person, Paths.of("/requests/people/", subject, "/erasure").toString(), Map.of(), Map.of());
        ApiReply transfers = api.post(
                person, Paths.of("/ledger/people/", subject, "/erasure").toString(), Map.of(), Map.of());
        ApiReply directory = api.post(
                person,
                Paths.of("/providers/people/", subject, "/erasure")
                        .query("email", e)
                        .toString(),
                Map.of(),
                Map.of());
        if (!requests.ok()) throw requests.unavailable();
        if (!transfers.ok()) throw transfers.unavailable();
        if (!directory.ok()) throw directory.unavailable();
        ApiReply notifications = api.post(
                person, Paths.of("/notices/people/", subject, "/erasure").toString(), Map.of(), Map.of());
        if (!notifications.ok()) throw notifications.unavailable();
        PersonRecords.RequestsErased r = requests.as(PersonRecords.RequestsErased.class);
        PersonRecords.TransfersErased t = transfers.as(PersonRecords.TransfersErased.class);
        PersonRecords.DirectoryErased d = directory.as(PersonRecords.DirectoryErased.class);
        PersonRecords.NotificationsErased n = notifications.as(PersonRecords.NotificationsErased.class);
        return pages.ok(
                request,
                "admin/person-erased",
                "The person's records are erased",
                new PersonRecords.ErasedPage(
                        r.tombstone(),
                        r.requests(),
                        r.events(),
                        t.transfers(),
                        d.offers(),
                        d.providers(),
                        n.deleted(),
                        n.rewritten()));
    }

    private record Replies(ApiReply requests, ApiReply transfers, ApiReply directory, ApiReply notifications) {}

    private record Held(
            PersonRecords.Requests requests,
            PersonRecords.Transfers transfers,
            PersonRecords.Directory directory,
            PersonRecords.Notifications notifications) {}

    private Replies replies(Person person, String subject, String email) {
        CompletableFuture<ApiReply> requests =
                api.getAsync(person, Paths.of("/requests/people/", subject).toString());
        CompletableFuture<ApiReply> transfers =
                api.getAsync(person, Paths.of("/ledger/people/", subject).toString());
        CompletableFuture<ApiReply> directory = api.getAsync(
                person,
                Paths.of("/providers/people/", subject).query("email", email).toString());
        CompletableFuture<ApiReply> notifications =
                api.getAsync(person, Paths.of("/notices/people/", subject).toString());
        Replies replies =
                new Replies(Api.join(requests), Api.join(transfers), Api.join(directory), Api.join(notifications));
        for (ApiReply reply :
                List.of(replies.requests(), replies.transfers(), replies.directory(), replies.notifications())) {
            if (reply.refused()) throw new PageNotFound("records of " + subject);
            if (!reply.ok()) throw reply.unavailable();
        }
        return replies;
    }

    private Held held(Person person, String subject, String email) {
        Replies replies = replies(person, subject, email);
        return new Held(
                replies.requests().as(PersonRecords.Requests.class),
                replies.transfers().as(PersonRecords.Transfers.class),
                replies.directory().as(PersonRecords.Directory.class),
                replies.notifications().as(PersonRecords.Notifications.class));
    }

    /** The email given with a subject, or ""; a subject or email no form would send is a page not found. */
    private static String checked(String subject, String email) {
        String e = email == null ? "" : email.strip();
        if (subject == null || !subject.matches(SUBJECT) || !(e.isEmpty() || validEmail(e))) {
            throw new PageNotFound("records of " + subject);
        }
        return e;
    }

    private static boolean validEmail(String email) {
        return email.length() <= 254 && email.matches(EMAIL);
    }

    private static String quoted(String subject) {
        return "\"" + subject + "\""; // the pattern allows no quote or backslash
    }

    private static void mustBeAdmin(Person person) {
        if (!person.caller().is(Role.ADMIN)) {
            throw new PageNotFound("people's records");
        }
    }
}
