package uk.sse.web.notifications;

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
import java.util.List;
import java.util.Map;
import uk.sse.web.WebPages;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Form;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * Every signed-in person's notifications: what is waiting for them, newest first, the unread ones marked "New", each
 * linking to the page to act on; and marking them all read.
 */
@Controller("/notifications")
@WebPages
public class NotificationsController {

    public record Row(String title, String href, String when, boolean unread) {}

    public record InboxPage(List<Row> rows, int unread, String done) {}

    public record SettingsPage(String email, List<Choice> choices, String done) {}

    /** What each kind of notice is, in words, for the settings page. */
    static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("request-raised", "A school's request is raised in your area"),
            Map.entry("proposal-addressed", "Support is proposed to you, to accept or decline"),
            Map.entry("agreement-awaited", "Support for your school awaits your agreement"),
            Map.entry("rating-awaited", "Support for your school is delivered and awaits your rating"),
            Map.entry("request-proposed", "Support is proposed for a request you, or your school, raised"),
            Map.entry("request-agreed", "A school agrees support for a request you raised"),
            Map.entry(
                    "request-cancelled",
                    "A request you raised is cancelled or withdrawn, or your school's is cancelled"),
            Map.entry("offer-awaits-assurance", "An offer in your area awaits assurance"),
            Map.entry("designation-refused", "An assurer refuses a designation you claim, and says why"),
            Map.entry(
                    "designation-verified",
                    "An assurer verifies a designation you claim, or withdraws its verification"),
            Map.entry("school-closed", "The school of a request in your area closes"),
            Map.entry(
                    "request-waiting", "Reminder: a request has waited longer than your area's target to be brokered"),
            Map.entry("wanted-by-near", "Reminder: a request's wanted-by date is near and no support is agreed"),
            Map.entry("engagement-overdue", "Reminder: support was not completed by the date it was expected"),
            Map.entry("review-due", "Reminder: an offer's review date is within 30 days"));

    private final Pages pages;
    private final Notifications notifications;

    public NotificationsController(Pages pages, Notifications notifications) {
        this.pages = pages;
        this.notifications = notifications;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, Person person, @Nullable @QueryValue String done) {
        Notifications.Inbox inbox = notifications.inbox(person);
        List<Row> rows = inbox.items().stream()
                .map(n -> new Row(n.title(), n.link(), Labels.dayAndTime(n.occurredAt()), !n.read()))
                .toList();
        return pages.ok(
                request,
                "notifications/list",
                "Notifications",
                new InboxPage(
                        rows, inbox.unread(), "read".equals(done) ? "Your notifications are marked as read" : null));
    }

    @Get("/settings")
    public HttpResponse<?> settings(HttpRequest<?> request, Person person, @Nullable @QueryValue String done) {
        Notifications.Settings settings = notifications.settings(person);
        List<Choice> choices = settings.choices().stream()
                .map(c -> new Choice(c.kind(), KINDS.getOrDefault(c.kind(), c.kind()), c.email()))
                .toList();
        return pages.ok(
                request,
                "notifications/settings",
                "Emails you get",
                new SettingsPage(settings.email(), choices, "saved".equals(done) ? "Your choices are saved" : null));
    }

    /** The kinds ticked are emailed, the others not. */
    @Post("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> choose(Person person, @Body Map<String, Object> body) {
        List<String> kinds = Form.ofBody(body).list("emails").stream()
                .filter(KINDS::containsKey)
                .toList();
        var saved = notifications.choose(person, kinds);
        if (!saved.ok()) {
            throw saved.unavailable();
        }
        return HttpResponse.seeOther(URI.create("/notifications/settings?done=saved"));
    }

    /** Marks read every notification the person has not read yet (those shown on the page they read). */
    @Post("/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> markAllRead(Person person, @Body Map<String, String> form) {
        List<String> unread = notifications.inbox(person).items().stream()
                .filter(n -> !n.read())
                .map(Notifications.Notice::id)
                .toList();
        if (!unread.isEmpty()) {
            notifications.markRead(person, unread);
        }
        return HttpResponse.seeOther(URI.create("/notifications?done=read"));
    }
}
