package uk.sse.notifier.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.sse.notifier.model.Audience;
import uk.sse.notifier.model.Notice;
import uk.sse.notifier.model.Raiser;

/**
 * Where notices wait for their audiences (each put on condition that its id is new, so an event read twice makes one),
 * which of them each person has read, and the one fact the notices need that later events do not repeat: who raised a
 * request (an adviser, or the school itself).
 */
public interface NoticeStore {

    /** Stores the notice; false if it was stored already. */
    boolean add(Notice notice);

    /** Whether the notice is stored already. */
    boolean has(Notice notice);

    void rememberRaiser(String requestId, Raiser raiser);

    Optional<Raiser> raiserOf(String requestId);

    /** The newest notices of each audience, at most {@code limit} in all, newest first. */
    List<Notice> newest(List<Audience> audiences, int limit);

    /**
     * The ids of the same notices as {@link #newest}, newest first, read from their keys alone (what counting and
     * marking need, without the notices' text).
     */
    List<String> newestIds(List<Audience> audiences, int limit);

    /** Of {@code ids}, those {@code subject} has read. */
    Set<String> readBy(String subject, Collection<String> ids);

    void markRead(String subject, Collection<String> ids, Instant at);
}
