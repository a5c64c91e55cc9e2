package uk.sse.notifier.application;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.notifier.EmailSettings;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.model.Contact;
import uk.sse.notifier.model.Delivery;
import uk.sse.notifier.model.Notice;
import uk.sse.notifier.model.Trigger;

/**
 * Emails each notice to the people of its audience who have an address and want its kind, through the same delivery
 * machinery as the webhooks: one delivery per notice and person (its id derived from both, made on condition that it is
 * new, so nothing is sent twice however often the event comes), tried at once, retried by the sweeper on the same
 * schedule. The delivery keeps the email as it will be sent on every attempt.
 */
@Singleton
public class EmailNotices {

    private static final Logger LOG = LoggerFactory.getLogger(EmailNotices.class);
    /** A delivery's "subscription" when it is an email: the person it goes to. */
    public static final String PERSON = "person:";

    private final EmailSettings settings;
    private final ContactStore contacts;
    private final DeliveryStore deliveries;
    private final AttemptDelivery attempt;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration lease;
    private final int maxInFlight;
    private final String linkBase;

    public EmailNotices(
            EmailSettings settings,
            ContactStore contacts,
            DeliveryStore deliveries,
            AttemptDelivery attempt,
            JsonMapper json,
            Clock clock,
            NotifierSettings notifier) {
        this.settings = settings;
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.attempt = attempt;
        this.json = json;
        this.clock = clock;
        this.lease = notifier.lease();
        this.maxInFlight = notifier.maxInFlight();
        this.linkBase = notifier.linkBaseUrl();
    }

    /** A notice and the stream record it came from (to read again if its emails could not be stored). */
    public record Made(Notice notice, String recordId) {}

    /** Emails the notices; the ids of the records whose emails could not all be stored. */
    public Set<String> send(List<Made> made) {
        Set<String> failed = ConcurrentHashMap.newKeySet();
        if (!settings.enabled()) {
            return failed;
        }
        List<Runnable> jobs = new ArrayList<>();
        for (Made m : made) {
            Notice n = m.notice();
            if (settings.template(n.kind()).isEmpty()) {
                continue;
            }
            List<Contact> people;
            try {
                people = contacts.members(n.audience());
            } catch (RuntimeException unreadable) {
                LOG.warn("cannot read the people of {}: {}", n.audience().key(), unreadable.toString());
                failed.add(m.recordId());
                continue;
            }
            for (Contact c : people) {
                if (c.wantsEmail(n.kind())) {
                    jobs.add(() -> makeAndSend(n, c, m.recordId(), failed));
                }
            }
        }
        Parallel.run(jobs, maxInFlight);
        return failed;
    }

    private void makeAndSend(Notice n, Contact c, String recordId, Set<String> failed) {
        Instant now = clock.instant();
        String to = PERSON + c.subject();
        String id = uk.sse.notifier.model.WebhookIds.of(to, n.id());
        EmailMessage message = new EmailMessage(
                c.email(),
                settings.template(n.kind()).orElseThrow(),
                Map.of("title", n.title(), "link", n.link() == null ? linkBase : linkBase + n.link()),
                id);
        Delivery d = Delivery.of(
                to, n.id(), "email." + n.kind().apiName(), n.area(), Delivery.Kind.EMAIL, write(message), now);
        Lease held = Lease.fresh(now, lease);
        try {
            if (!deliveries.create(d, held)) {
                return;
            }
        } catch (RuntimeException notStored) {
            LOG.warn("cannot store the email of {} to {}: {}", n.id(), c.subject(), notStored.toString());
            failed.add(recordId);
            return;
        }
        attempt.attempt(d, held, null, Trigger.STREAM);
    }

    private String write(EmailMessage m) {
        try {
            return json.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
