package uk.sse.ledger.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.model.Invariants;
import uk.sse.ledger.model.TransferState;

/**
 * Reads everything in an area and checks the ledger's invariants over it. The area's items are read by index
 * pages, not as one snapshot: a transfer landing during the check can show as a passing difference, so a
 * violation is worth acting on when a second check repeats it.
 */
@Singleton
public class CheckLedger {

    private final LedgerStore store;
    private final Clock clock;

    public CheckLedger(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record Report(
            String area,
            boolean ok,
            int accounts,
            int transfers,
            int entries,
            int pendingHolds,
            long creditsAllocated,
            List<String> violations,
            Instant checkedAt) {}

    public Outcome<Report> check(Caller caller, String area) {
        if (!LedgerPolicy.mayCheck(caller, area)) {
            return Outcome.forbidden("only the area's commissioners and admins check its ledger");
        }
        return Outcome.done(run(area));
    }

    /** The check itself, for whoever is allowed to run it: a caller above, the schedule ({@link CheckEveryArea}). */
    public Report run(String area) {
        Instant at = clock.instant();
        LedgerStore.AreaContents contents = store.contentsOf(area);
        List<String> violations = Invariants.check(contents.accounts(), contents.transfers(), contents.entries());
        int pending = (int) contents.transfers().stream()
                .filter(t -> t.state() == TransferState.PENDING)
                .count();
        long allocated = contents.accounts().stream()
                .filter(a -> a.issuing())
                .mapToLong(a -> a.debitsPosted())
                .sum();
        return new Report(
                area,
                violations.isEmpty(),
                contents.accounts().size(),
                contents.transfers().size(),
                contents.entries().size(),
                pending,
                allocated,
                violations,
                at);
    }
}
