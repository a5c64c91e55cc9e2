package uk.sse.notifier.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.problem.Problems;
import uk.sse.notifier.application.ReadNotices;

/**
 * The signed-in person's notifications: what is waiting for them (the newest {@value ReadNotices#SHOWN}, newest first,
 * each with whether they have read it, and how many they have not), and marking some read. People only: a function has
 * no notifications.
 */
@Controller("/notices")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "notifications")
public class NoticeController {

    static final String NOTICE = "ntc_[0-9a-f]{32}";

    private final ReadNotices read;

    public NoticeController(ReadNotices read) {
        this.read = read;
    }

    @Serdeable
    record NoticeView(
            String id, String kind, String title, @Nullable String link, Instant occurredAt, boolean read) {}

    @Serdeable
    record InboxView(List<NoticeView> items, int unread) {}

    /** Notices to mark read: their ids, at most 50. */
    @Serdeable
    record ReadBody(
            @NotNull @Size(min = 1, max = ReadNotices.SHOWN)
            List<@NotNull @Pattern(regexp = NOTICE, message = "must be a notice id: ntc_ and 32 hex digits") String>
                    ids) {}

    @Serdeable
    record Marked(int marked) {}

    @Serdeable
    record UnreadView(int unread) {}

    @Get
    public HttpResponse<?> inbox(@Authenticated Caller caller) {
        if (caller.isService()) {
            return Problems.forbidden("a service has no notifications");
        }
        ReadNotices.Inbox inbox = read.of(caller);
        return HttpResponse.ok(new InboxView(
                        inbox.items().stream()
                                .map(s -> new NoticeView(
                                        s.notice().id(),
                                        s.notice().kind().apiName(),
                                        s.notice().title(),
                                        s.notice().link(),
                                        s.notice().occurredAt(),
                                        s.read()))
                                .toList(),
                        inbox.unread()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * How many of the caller's notices they have not read (the inbox's {@code unread}), read from keys alone: what every
     * page's header shows, without the inbox.
     */
    @Get("/unread-count")
    public HttpResponse<?> unreadCount(@Authenticated Caller caller) {
        if (caller.isService()) {
            return Problems.forbidden("a service has no notifications");
        }
        return HttpResponse.ok(new UnreadView(read.unread(caller))).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** Marks read those of the ids that are among the caller's notices; the others are not theirs and are left alone. */
    @Post("/read")
    public HttpResponse<?> markRead(@Authenticated Caller caller, @Body @Valid ReadBody body) {
        if (caller.isService()) {
            return Problems.forbidden("a service has no notifications");
        }
        return HttpResponse.ok(new Marked(read.markRead(caller, body.ids())));
    }
}
