package uk.sse.web.notifications;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import uk.sse.web.security.SecurityHeaders;
import uk.sse.web.session.People;

/**
 * Every signed-in page's header shows how many notices the person has not read: this asks the notifier for the count
 * as a page's request comes in, so it travels side by side with the page's own API calls rather than after them
 * ({@link Notifications#unread} waits for it as the page renders). A form post that redirects rather than renders
 * asks for a count it does not use: a read of keys, cheaper than making every page wait.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class UnreadCountFirst {

    private final People people;
    private final Notifications notifications;

    public UnreadCountFirst(People people, Notifications notifications) {
        this.people = people;
        this.notifications = notifications;
    }

    @RequestFilter
    public void ask(HttpRequest<?> request) {
        if (SecurityHeaders.isPage(request)) {
            people.signedIn(request).ifPresent(person -> notifications.askUnread(request, person));
        }
    }
}
