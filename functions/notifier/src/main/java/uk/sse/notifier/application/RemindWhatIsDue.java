package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.notifier.ReminderSettings;
import uk.sse.notifier.model.Notice;
import uk.sse.notifier.model.Reminders;
import uk.sse.notifier.model.Watch;

/**
 * The reminder sweep: every watched request and offer, the reminders due on it now ({@link Reminders}), and of those
 * not yet stored, the emails (one delivery per reminder and person, as for any notice) and then the notice in the
 * list. The notice is stored last, as the mark that the reminder was made: a sweep that stops between the two makes the
 * emails again on the next run, and their deliveries, made on condition that they are new, are not sent twice.
 */
@Singleton
public class RemindWhatIsDue {

    private static final Logger LOG = LoggerFactory.getLogger(RemindWhatIsDue.class);
    private static final int PAGE = 200;

    private final WatchStore watches;
    private final NoticeStore notices;
    private final EmailNotices email;
    private final ReminderSettings settings;
    private final Clock clock;

    public RemindWhatIsDue(
            WatchStore watches, NoticeStore notices, EmailNotices email, ReminderSettings settings, Clock clock) {
        this.watches = watches;
        this.notices = notices;
        this.email = email;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a run did: watches read, reminders due, reminders made this run, and those left for the next run. */
    public record Reminded(int watched, int due, int made, int failed, Instant at) {}

    public Reminded sweep() {
        Instant now = clock.instant();
        int watched = 0;
        int due = 0;
        int made = 0;
        int failed = 0;
        String after = null;
        for (List<Watch> page = watches.page(null, PAGE); !page.isEmpty(); page = watches.page(after, PAGE)) {
            List<EmailNotices.Made> fresh = new ArrayList<>();
            for (Watch w : page) {
                watched++;
                for (Notice n : Reminders.due(w, now, settings.rules(w.area()))) {
                    due++;
                    if (!notices.has(n)) {
                        fresh.add(new EmailNotices.Made(n, n.id()));
                    }
                }
            }
            Set<String> notEmailed = email.send(fresh);
            for (EmailNotices.Made m : fresh) {
                if (notEmailed.contains(m.recordId())) {
                    failed++;
                    continue;
                }
                try {
                    notices.add(m.notice());
                    made++;
                } catch (RuntimeException notStored) {
                    LOG.warn("cannot store the reminder {}: {}", m.notice().sourceId(), notStored.toString());
                    failed++;
                }
            }
            after = page.get(page.size() - 1).key();
            if (page.size() < PAGE) {
                break;
            }
        }
        return new Reminded(watched, due, made, failed, now);
    }
}
