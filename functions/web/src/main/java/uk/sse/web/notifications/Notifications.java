package uk.sse.web.notifications;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.session.Person;

/** What the pages read from and send to the notifier's notifications API (docs/api/notifier.yml). */
@Singleton
public class Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notice(
            String id, String kind, String title, @Nullable String link, String occurredAt, boolean read) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inbox(List<Notice> items, int unread) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(String kind, boolean email) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Settings(@Nullable String email, List<Choice> choices) {}

    private final Api api;

    public Notifications(Api api) {
        this.api = api;
    }

    public Inbox inbox(Person person) {
        return api.get(person, "/notices").as(Inbox.class);
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UnreadCount(int unread) {}

    /** The header's count asked for as the request came in, with whom it was asked for. */
    private record Asked(Person person, CompletableFuture<Optional<Integer>> count) {}

    private static final String ASKED = Notifications.class.getName() + ".unread";

    /**
     * Asks the notifier how many notices the person has not read, without waiting: a page's header shows it, so it is
     * asked as the request comes in ({@link UnreadCountFirst}), side by side with the page's own calls.
     */
    public void askUnread(HttpRequest<?> request, Person person) {
        request.setAttribute(ASKED, new Asked(person, unreadAsync(person)));
    }

    /**
     * How many the person has not read, for the header: the answer to {@link #askUnread} if it was asked for them, else
     * asked now; empty when the notifier does not answer (the page still shows).
     */
    public Optional<Integer> unread(HttpRequest<?> request, Person person) {
        CompletableFuture<Optional<Integer>> count = request.getAttribute(ASKED, Asked.class)
                .filter(asked -> asked.person().equals(person))
                .map(Asked::count)
                .orElseGet(() -> unreadAsync(person));
        return count.join();
    }

    private CompletableFuture<Optional<Integer>> unreadAsync(Person person) {
        try {
            return api.getAsync(person, "/notices/unread-count").handle((reply, failed) -> {
                if (failed != null || !reply.ok()) {
                    LOG.debug("no unread count: {}", failed != null ? failed.toString() : reply.status());
                    return Optional.<Integer>empty();
                }
                try {
                    return Optional.of(reply.as(UnreadCount.class).unread());
                } catch (RuntimeException unreadable) {
                    LOG.debug("no unread count: {}", unreadable.toString());
                    return Optional.<Integer>empty();
                }
            });
        } catch (RuntimeException unanswered) {
            LOG.debug("no unread count: {}", unanswered.toString());
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    public Settings settings(Person person) {
        return api.get(person, "/notices/settings").as(Settings.class);
    }

    public ApiReply choose(Person person, List<String> kinds) {
        return api.put(person, "/notices/settings", Map.of("emails", kinds), Map.of());
    }

    /**
     * Records the person's verified email address and memberships with the notifier as they sign in (decision 0075);
     * sign-in goes on whatever the notifier says.
     */
    public void recordContact(Person person) {
        try {
            ApiReply reply = api.put(person, "/notices/contact", Map.of(), Map.of());
            if (!reply.ok()) {
                LOG.warn(
                        "the notifier did not record the contact of {}: {}",
                        person.caller().subject(),
                        reply.status());
            }
        } catch (RuntimeException unanswered) {
            LOG.warn("the notifier did not record a contact: {}", unanswered.toString());
        }
    }

    public ApiReply markRead(Person person, List<String> ids) {
        return api.post(person, "/notices/read", Map.of("ids", ids), Map.of());
    }
}
