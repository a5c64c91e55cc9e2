package uk.sse.brokerage.model;

import uk.sse.kernel.events.EventEnvelope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import uk.sse.brokerage.model.Command.Change;
import uk.sse.brokerage.model.Command.Raise;
import uk.sse.brokerage.model.Result.Applied;

/**
 * An in-memory use case for tests, as the store will do it: read the request, apply the command, carry out
 * {@code ledgerBefore} (stop on a refusal), write on condition of the version read, then {@code ledgerAfter}.
 * {@link #crashing} does the ledger step and then "crashes" before the write.
 */
final class Desk {
    final Map<String, BrokerageRequest> requests = new TreeMap<>();
    final FakeLedger ledger = new FakeLedger();
    /** Every applied result that was written, in order. */
    final List<Applied> written = new ArrayList<>();
    final List<EventEnvelope> events = new ArrayList<>();

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
                if (requests.containsKey(a.request().id())) throw new IllegalStateException("exists: " + a.request().id());
                write(a);
                yield new Written(a);
            }
        };
    }

    Outcome handle(String requestId, Change c) { return handle(requestId, c, false); }

    Outcome crashing(String requestId, Change c) { return handle(requestId, c, true); }

    private Outcome handle(String requestId, Change c, boolean crash) {
        BrokerageRequest read = requests.get(requestId);
        Result r = Brokerage.apply(read, c);
        if (r instanceof Result.Refused x) return new Refused(x);
        Applied a = (Applied) r;
        for (LedgerEffect e : a.ledgerBefore()) {
            FakeLedger.Outcome o = ledger.apply(e);
            if (!o.ok()) return new LedgerRefused(e, o.reason());
            if (e instanceof LedgerEffect.PlaceHold && o.answer() == FakeLedger.Answer.ALREADY_APPLIED && !"PENDING".equals(o.reason()))
                throw new IllegalStateException("re-placed a hold that is " + o.reason() + ": " + e);
        }
        if (crash) return new Crashed(a);
        BrokerageRequest stored = requests.get(requestId);
        if (stored.version() != a.request().version() - 1) throw new IllegalStateException("version condition failed on " + requestId);
        write(a);
        for (LedgerEffect e : a.ledgerAfter()) {
            FakeLedger.Outcome o = ledger.apply(e);
            if (!o.ok()) throw new IllegalStateException("after-write ledger step refused: " + e + " " + o.reason());
        }
        return new Written(a);
    }

    private void write(Applied a) {
        requests.put(a.request().id(), a.request());
        written.add(a);
        events.add(a.event());
    }

    BrokerageRequest get(String id) { return requests.get(id); }
}
