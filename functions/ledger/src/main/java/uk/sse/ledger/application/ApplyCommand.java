package uk.sse.ledger.application;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import uk.sse.kernel.dynamo.StoreBusy;
import uk.sse.kernel.retry.Backoff;
import uk.sse.ledger.LedgerSettings;
import uk.sse.ledger.model.Command;
import uk.sse.ledger.model.Ledger;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.Snapshot;

/**
 * Optimistic read, apply, conditional write; again on a lost race or a retryable fault, with backoff and jitter.
 * Because every command is idempotent, a retry after a write whose outcome was unknown answers AlreadyApplied
 * if it had landed, and applies it if not: never twice, never lost.
 */
@Singleton
public class ApplyCommand {

    private final LedgerStore store;
    private final Backoff backoff;
    private final Counters counters = new Counters();

    public ApplyCommand(LedgerStore store, LedgerSettings settings) {
        this.store = store;
        this.backoff = settings.backoff();
    }

    /** How often writes were tried, lost a race, or met a fault, since start: for the benchmark and the logs. */
    public record Counters(LongAdder attempts, LongAdder lostRaces, LongAdder faults) {
        Counters() {
            this(new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    public Counters counters() {
        return counters;
    }

    /** Applies {@code command} to what {@code read} returns, until it is written, replayed or refused. */
    public Result apply(Supplier<Snapshot> read, Command command) {
        return apply(read, snapshot -> Optional.of(command)).orElseThrow();
    }

    /**
     * As {@link #apply(Supplier, Command)}, with the command worked out from each snapshot read ({@code none}: nothing to
     * do), for a command whose amount depends on what it changes: the write's conditions make the figures it was worked
     * out from still true when it lands.
     */
    public Optional<Result> apply(Supplier<Snapshot> read, Function<Snapshot, Optional<? extends Command>> command) {
        // present: settled (with a result, or nothing to do); empty: the write lost a race
        return backoff.<Optional<Result>>untilWritten(
                () -> {
                    counters.attempts.increment();
                    try {
                        Snapshot snapshot = read.get();
                        Optional<? extends Command> taken = command.apply(snapshot);
                        if (taken.isEmpty()) {
                            return Optional.of(Optional.empty());
                        }
                        Result result = Ledger.apply(snapshot, taken.get());
                        if (!(result instanceof Result.Applied applied) || applied.empty() || store.write(applied)) {
                            return Optional.of(Optional.of(result));
                        }
                        counters.lostRaces.increment();
                        return Optional.empty();
                    } catch (StoreBusy busy) {
                        counters.faults.increment();
                        throw busy;
                    }
                },
                StoreBusy.class,
                (why, last) -> new LedgerBusy("the ledger " + why, last));
    }
}
