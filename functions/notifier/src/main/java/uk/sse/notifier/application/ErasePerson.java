package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.util.List;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.PersonalData;
import uk.sse.kernel.identity.Tombstone;
import uk.sse.kernel.outcome.Outcome;

/**
 * An area's admin answers a person's subject-access request and erasure for what the notifier holds about them
 * (docs/data-protection.md, decision 0105). Only an admin of the area, in person, may do either.
 */
@Singleton
public class ErasePerson {

    public record Export(String subject, String area, List<PersonalRecords.Found> items) {}

    public record Erased(String area, String tombstone, int deleted, int rewritten) {}

    private final PersonalRecords records;
    private final Tombstone tombstones;

    public ErasePerson(PersonalRecords records, Tombstone tombstones) {
        this.records = records;
        this.tombstones = tombstones;
    }

    public Outcome<Export> export(Caller caller, String subject) {
        return PersonalData.areaAnsweredBy(caller)
                .map(area -> new Export(subject, area, records.naming(subject, area)));
    }

    public Outcome<Erased> erase(Caller caller, String subject) {
        return PersonalData.areaAnsweredBy(caller).map(area -> {
            String tombstone = tombstones.of(subject);
            PersonalRecords.Changed changed = records.erase(subject, tombstone, area);
            return new Erased(area, tombstone, changed.deleted(), changed.rewritten());
        });
    }
}
