package uk.sse.brokerage.application;

import jakarta.inject.Singleton;
import java.util.List;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Erasure;
import uk.sse.brokerage.model.RequestStatus;
import uk.sse.brokerage.model.Transition;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.PersonalData;
import uk.sse.kernel.identity.Tombstone;
import uk.sse.kernel.outcome.Outcome;

/**
 * An area's admin answers a person's subject-access request and erasure for the area's requests
 * (docs/data-protection.md, decision 0104): the export lists each request the person stands in, what they did and
 * the text they wrote; the erasure rewrites those requests and their events with {@link Erasure}. Only an admin of
 * the area, in person (not a service), may do either; the area is the admin's own.
 */
@Singleton
public class ErasePerson {

    /** One request the person stands in: the school, its status, what they did and the text they wrote. */
    public record Mention(
            String requestId,
            String urn,
            String schoolName,
            RequestStatus status,
            List<Transition> actions,
            List<String> texts) {}

    /** What the brokerage holds about a person in an area. */
    public record Export(String subject, String area, List<Mention> requests) {}

    /** What an erasure changed: requests and events rewritten, and the tombstone now standing for the person. */
    public record Erased(String area, String tombstone, int requests, int events) {}

    private final PersonalRecords records;
    private final RedactRecords redact;
    private final Tombstone tombstones;

    public ErasePerson(PersonalRecords records, RedactRecords redact, Tombstone tombstones) {
        this.records = records;
        this.redact = redact;
        this.tombstones = tombstones;
    }

    public Outcome<Export> export(Caller caller, String subject) {
        return PersonalData.areaAnsweredBy(caller).map(area -> {
            Erasure erasure = Erasure.of(subject, tombstones);
            return new Export(
                    subject,
                    area,
                    records.inArea(area, erasure::involves).stream()
                            .map(r -> new Mention(
                                    r.id(),
                                    r.urn(),
                                    r.schoolName(),
                                    r.status(),
                                    erasure.actionsOn(r),
                                    erasure.textsOf(r)))
                            .toList());
        });
    }

    public Outcome<Erased> erase(Caller caller, String subject) {
        return PersonalData.areaAnsweredBy(caller).map(area -> {
            Erasure erasure = Erasure.of(subject, tombstones);
            List<BrokerageRequest> found = records.inArea(area, erasure::involves);
            int events = 0;
            for (BrokerageRequest r : found) {
                events += redact.rewrite(erasure, r);
            }
            return new Erased(area, erasure.tombstone(), found.size(), events);
        });
    }
}
