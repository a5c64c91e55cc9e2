package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import uk.sse.kernel.identity.Caller;
import uk.sse.notifier.model.Audience;
import uk.sse.notifier.model.Notice;

/** A person's notices: the newest of every audience they are in, each with whether they have read it; and marking read. */
@Singleton
public class ReadNotices {

    /** How many notices a person sees: the newest. */
    public static final int SHOWN = 50;

    private final NoticeStore notices;
    private final Clock clock;

    public ReadNotices(NoticeStore notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    public record Seen(Notice notice, boolean read) {}

    public record Inbox(List<Seen> items, int unread) {}

    public Inbox of(Caller person) {
        List<Notice> newest = notices.newest(Audience.of(person), SHOWN);
        Set<String> read =
                notices.readBy(person.subject(), newest.stream().map(Notice::id).toList());
        List<Seen> seen =
                newest.stream().map(n -> new Seen(n, read.contains(n.id()))).toList();
        return new Inbox(seen, (int) seen.stream().filter(s -> !s.read()).count());
    }

    /**
     * How many of the person's notices they have not read: {@link Inbox#unread} without the notices' text (the keys of
     * the newest and the person's read marks among them), for the header of every page.
     */
    public int unread(Caller person) {
        List<String> newest = notices.newestIds(Audience.of(person), SHOWN);
        return newest.size() - notices.readBy(person.subject(), newest).size();
    }

    /** Marks read those of {@code ids} that are among the person's notices (others are not theirs); how many. */
    public int markRead(Caller person, Collection<String> ids) {
        List<String> theirs = notices.newestIds(Audience.of(person), SHOWN).stream()
                .filter(ids::contains)
                .toList();
        notices.markRead(person.subject(), theirs, clock.instant());
        return theirs.size();
    }
}
