package uk.sse.ledger.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.sse.ledger.model.Command;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;

/**
 * The sweeper: voids holds whose timeout has passed, one transaction each so that one busy account cannot hold
 * up the rest. A hold posted or voided meanwhile is simply skipped (the write's condition sees it).
 */
@Singleton
public class ExpireDueHolds {

    public static final int BATCH = 100;

    private final LedgerStore store;
    private final ApplyCommand apply;
    private final Clock clock;

    public ExpireDueHolds(LedgerStore store, ApplyCommand apply, Clock clock) {
        this.store = store;
        this.apply = apply;
        this.clock = clock;
    }

    public record Swept(int due, int voided, Instant at) {}

    /** Voids up to {@code max} due holds. */
    public Swept sweep(int max) {
        Instant now = clock.instant();
        int due = 0;
        int voided = 0;
        List<TransferId> batch;
        do {
            batch = store.holdsDueBy(now, Math.min(BATCH, max - due));
            for (TransferId id : batch) {
                due++;
                if (expire(id, now)) {
                    voided++;
                }
            }
        } while (!batch.isEmpty() && due < max && voided > 0);
        return new Swept(due, voided, now);
    }

    private boolean expire(TransferId id, Instant now) {
        Optional<Transfer> hold = store.transfer(id);
        if (hold.isEmpty() || !hold.get().expiredAt(now)) {
            return false;
        }
        Result result = apply.apply(
                () -> store.read(
                        List.of(id), List.of(hold.get().debit(), hold.get().credit())),
                new Command.ExpireHolds(now));
        return result instanceof Result.Applied applied && !applied.transfers().isEmpty();
    }
}
