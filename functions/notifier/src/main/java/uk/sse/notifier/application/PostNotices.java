package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.notifier.model.BrokerageEvents;
import uk.sse.notifier.model.DirectoryEvents;
import uk.sse.notifier.model.Notice;
import uk.sse.notifier.model.Notices;
import uk.sse.notifier.model.Raiser;

/**
 * Turns events into notices for the people who must act ({@link Notices}), in stream order (a request's raise comes
 * before what follows it, and its raiser is remembered first), each stored once; then emails them ({@link EmailNotices}).
 * A school the register closed is told to the brokers of its open requests, found among the watches (decision 0108).
 * A record whose notices could not be stored is reported, to come again.
 */
@Singleton
public class PostNotices {

    private static final Logger LOG = LoggerFactory.getLogger(PostNotices.class);

    private final NoticeStore notices;
    private final EmailNotices email;
    private final WatchStore watches;

    public PostNotices(NoticeStore notices, EmailNotices email, WatchStore watches) {
        this.notices = notices;
        this.email = email;
        this.watches = watches;
    }

    /** The ids of the records to read again. */
    public List<String> post(List<DeliverEvents.Incoming> events) {
        Set<String> failed = new LinkedHashSet<>();
        List<EmailNotices.Made> toEmail = new ArrayList<>();
        for (DeliverEvents.Incoming in : events) {
            EventEnvelope e = in.event();
            try {
                Raiser raiser = Notices.raiser(e).orElse(null);
                String requestId = BrokerageEvents.request(e)
                        .map(BrokerageEvent.Request::requestId)
                        .orElse(null);
                if (raiser != null && requestId != null) {
                    notices.rememberRaiser(requestId, raiser);
                } else if (requestId != null && e.type().startsWith("brokerage.")) {
                    raiser = notices.raiserOf(requestId).orElse(null);
                }
                var closed = DirectoryEvents.schoolClosed(e);
                List<Notice> made = closed.isPresent()
                        ? Notices.schoolClosed(
                                e, closed.get(), watches.onSchool(closed.get().urn()))
                        : Notices.made(e, raiser);
                for (Notice n : made) {
                    notices.add(n);
                    toEmail.add(new EmailNotices.Made(n, in.recordId()));
                }
            } catch (RuntimeException notStored) {
                LOG.warn("cannot store the notices of {}: {}", e.id(), notStored.toString());
                failed.add(in.recordId());
            }
        }
        failed.addAll(email.send(toEmail));
        return List.copyOf(failed);
    }
}
