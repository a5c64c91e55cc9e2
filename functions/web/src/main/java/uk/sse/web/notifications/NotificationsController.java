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
import uk.sse.web.WebPages;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every signed-in person's notifications: what is waiting for them, newest first, the unread ones marked "New", each
 * linking to the page to act on; and marking them all read.
 */
@Controller("/notifications")
@WebPages
public class NotificationsController {

    public record Row(String title, String href, String when, boolean unread) { }

    public record InboxPage(List<Row> rows, int unread, String done) { }

    private final Pages pages;
    private final Notifications notifications;

    public NotificationsController(Pages pages, Notifications notifications) {
        this.pages = pages;
        this.notifications = notifications;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, Person person, @Nullable @QueryValue String done) {
        Notifications.Inbox inbox = notifications.inbox(person);
        List<Row> rows = inbox.items().stream().map(n -> new Row(n.title(), n.link(), Labels.dayAndTime(n.occurredAt()), !n.read())).toList();
        return pages.ok(request, "notifications/list", "Notifications",
                new InboxPage(rows, inbox.unread(), "read".equals(done) ? "Your notifications are marked as read" : null));
    }

    /** Marks read every notification the person has not read yet (those shown on the page they read). */
    @Post("/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> markAllRead(Person person, @Body Map<String, String> form) {
        List<String> unread = notifications.inbox(person).items().stream().filter(n -> !n.read()).map(Notifications.Notice::id).toList();
        if (!unread.isEmpty()) {
            notifications.markRead(person, unread);
        }
        return HttpResponse.seeOther(URI.create("/notifications?done=read"));
    }
}
