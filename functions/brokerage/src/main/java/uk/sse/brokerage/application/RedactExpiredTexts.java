package uk.sse.brokerage.application;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Erasure;
import uk.sse.brokerage.model.Retention;

/**
 * Retention of request texts (docs/data-protection.md, decision 0111): each day, the requests whose texts expire on or
 * before that day have every free text (need, notes, reasons, evaluation notes) redacted in place, in the request and
 * its events; statuses, days, credits, ratings and who did what stay, so the ledger and every report figure stay.
 * Re-running changes nothing more.
 */
@Singleton
public class RedactExpiredTexts {

    /** Days looked back each run: a run missed (the schedule paused, a failure) is made up by a later one within it. */
    public static final int LOOK_BACK_DAYS = 31;

    /** What a run did: requests redacted and events rewritten, for the logs. */
    public record Swept(LocalDate today, int requests, int events, int pointed) {}

    private final ExpiringTexts expiring;
    private final RequestStore requests;
    private final RedactRecords redact;

    public RedactExpiredTexts(ExpiringTexts expiring, RequestStore requests, RedactRecords redact) {
        this.expiring = expiring;
        this.requests = requests;
        this.redact = redact;
    }

    /** Redacts the texts due by {@code now}'s day (UTC); with {@code pointFirst}, first points every closed request. */
    public Swept sweep(Instant now, boolean pointFirst) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int pointed = pointFirst ? expiring.pointEveryClosedRequest(today) : 0;
        int redacted = 0;
        int events = 0;
        for (LocalDate day = today.minusDays(LOOK_BACK_DAYS); !day.isAfter(today); day = day.plusDays(1)) {
            for (String id : expiring.expiringOn(day)) {
                BrokerageRequest r = requests.find(id).orElse(null);
                boolean due = r != null && Retention.due(r, today);
                if (due) {
                    events += redact.rewrite(Erasure.everyText(), r);
                    redacted++;
                }
                if (r == null || due) expiring.swept(day, id);
            }
        }
        return new Swept(today, redacted, events, pointed);
    }
}
