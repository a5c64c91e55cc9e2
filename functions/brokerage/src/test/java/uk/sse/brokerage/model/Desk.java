package uk.sse.brokerage.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.sse.brokerage.model.Command.Change;
import uk.sse.brokerage.model.Command.Raise;
import uk.sse.brokerage.model.Result.Applied;
import uk.sse.kernel.events.EventEnvelope;

/**
 * An in-memory use case for tests, as the store will do it: read the request, apply the command, carry out
 * {@code ledgerBefore} (stop on a refusal), write on condition of the version read, then {@code ledgerAfter}.
 * {@link #crashing} "crashes" between the ledger and the write: after placing a hold and before writing the agreement,
 * or after writing a completion or a close and before posting or voiding. {@link #reconcile} then repairs what a crash
 * left, by the model's own judgement of each hold ({@link Brokerage#strayHold}, {@link Brokerage#agreeable}).
 */
final class Desk {
    final Map<String, BrokerageRequest> requests = new TreeMap<>();
    final FakeLedger ledger = new FakeLedger();
    /** Every applied result that was written, in order. */
    final List<Applied> written = new ArrayList<>();

    final List<EventEnvelope> events = new ArrayList<>();
    /** Ledger steps a crash after the write left undone: reconciliation re-drives them. */
    final List<LedgerEffect> undone = new ArrayList<>();
    /** When each hold was placed, for reconciliation's grace. */
    final Map<String, java.time.Instant> placedAt = new TreeMap<>();

    /** What happened to one command. */
    sealed interface Outcome {}

    record Written(Applied applied) implements Outcome {}

    record Refused(Result.Refused refused) implements Outcome {}

    record LedgerRefused(LedgerEffect effect, String reason) implements Outcome {}

    record Crashed(Applied applied) implements Outcome {}

    Outcome raise(Raise c) {
        Result r = Brokerage.raise(c);
        return switch (r) {
            case Result.Refused x -> new Refused(x);
            case Applied a -> {
                if (requests.containsKey(a.request().id()))
                    throw new IllegalStateException("exists: " + a.request().id());
                write(a);
                yield new Written(a);
            }
        };
    }

    Outcome handle(String requestId, Change c) {
        return handle(requestId, c, false);
    }

    Outcome crashing(String requestId, Change c) {
        return handle(requestId, c, true);
    }

    private Outcome handle(String requestId, Change c, boolean crash) {
        BrokerageRequest read = requests.get(requestId);
        Result r = Brokerage.apply(read, c);
        if (r instanceof Result.Refused x) return new Refused(x);
        Applied a = (Applied) r;
        for (LedgerEffect e : a.ledgerBefore()) {
            FakeLedger.Outcome o = ledger.apply(e);
            if (!o.ok()) return new LedgerRefused(e, o.reason());
            if (e instanceof LedgerEffect.PlaceHold
                    && o.answer() == FakeLedger.Answer.ALREADY_APPLIED
                    && !"PENDING".equals(o.reason()))
                throw new IllegalStateException("re-placed a hold that is " + o.reason() + ": " + e);
            placedAt.putIfAbsent(e.transferId(), c.at());
        }
        if (crash && !a.ledgerBefore().isEmpty()) return new Crashed(a);
        BrokerageRequest stored = requests.get(requestId);
        if (stored.version() != a.request().version() - 1)
            throw new IllegalStateException("version condition failed on " + requestId);
        write(a);
        if (crash) {
            undone.addAll(a.ledgerAfter());
            return new Written(a);
        }
        for (LedgerEffect e : a.ledgerAfter()) {
            FakeLedger.Outcome o = ledger.apply(e);
            if (!o.ok()) throw new IllegalStateException("after-write ledger step refused: " + e + " " + o.reason());
        }
        return new Written(a);
    }

    /**
     * What reconciliation does, judged by the model: re-drive what crashes left undone, void every pending hold the
     * request can never use, and release one whose agreement was never written once {@code grace} has passed.
     */
    int reconcile(String requestId, java.time.Instant now, java.time.Duration grace) {
        int repairs = 0;
        for (LedgerEffect e : List.copyOf(undone)) {
            if (!ledger.apply(e).ok()) throw new IllegalStateException("a re-driven step was refused: " + e);
            repairs++;
        }
        undone.clear();
        for (FakeLedger.Hold h : List.copyOf(ledger.holds.values())) {
            BrokerageRequest r = requests.get(requestId);
            if (h.state() != FakeLedger.State.PENDING) continue;
            if (Brokerage.strayHold(r, h.id())) {
                ledger.apply(new LedgerEffect.VoidStrayHold(h.id()));
                repairs++;
            } else if (Brokerage.agreeable(r, h.id())
                    && !placedAt.get(h.id()).plus(grace).isAfter(now)) {
                Applied released = (Applied) Brokerage.releaseHold(r, h.id(), now);
                write(released);
                released.ledgerAfter().forEach(ledger::apply);
                repairs++;
            }
        }
        return repairs;
    }

    private void write(Applied a) {
        requests.put(a.request().id(), a.request());
        written.add(a);
        events.add(a.event());
    }

    BrokerageRequest get(String id) {
        return requests.get(id);
    }
}
