package uk.sse.reporting.support;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.brokerage.application.RequestStore;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.LedgerEffect;
import uk.sse.brokerage.model.Result;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.identity.Caller;
import uk.sse.ledger.application.MoveCredits;
import uk.sse.ledger.application.ResolveHold;
import uk.sse.ledger.application.TransferRequest;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Refusal;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferKind;

/**
 * The brokerage as its function will run, until that function lands: the real model decides ({@link Brokerage}), the
 * real ledger's use cases carry out its ledger steps, and each applied transition's event is put into a brokerage table
 * exactly as the brokerage storage puts it ({@code REQUEST#id / EVENT#<version, 10 digits>}, with
 * {@link EventItems#put}), a refused hold as {@code brokerage.engagement.hold-refused} under
 * {@code EVENT#<version>#HOLD_REFUSED}. Its stream therefore carries genuine brokerage records. When the brokerage
 * function is merged, this class is the one to replace with calls to its handler.
 */
public final class BrokerageDesk {

    /** What a change came to: applied, or an agreement the ledger refused for want of credits. */
    public enum Outcome {
        APPLIED,
        HOLD_REFUSED
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final EventJson json;
    private final MoveCredits move;
    private final ResolveHold resolve;
    private final Map<String, BrokerageRequest> requests = new TreeMap<>();
    /** The brokerage's own store, keeping each request's state beside its events; null: the events alone. */
    private final RequestStore store;

    private int events;

    public BrokerageDesk(DynamoDbClient dynamo, String table, EventJson json, MoveCredits move, ResolveHold resolve) {
        this(dynamo, table, json, move, resolve, null);
    }

    /** Writes through the brokerage's own {@code store} (on {@code table}): request state and events, as the function does. */
    public BrokerageDesk(
            DynamoDbClient dynamo,
            String table,
            EventJson json,
            MoveCredits move,
            ResolveHold resolve,
            RequestStore store) {
        this.store = store;
        this.dynamo = dynamo;
        this.table = table;
        this.json = json;
        this.move = move;
        this.resolve = resolve;
        Tables.createIfAbsent(dynamo, Tables.definition(table, 3));
    }

    public String table() {
        return table;
    }

    public int eventsWritten() {
        return events;
    }

    public BrokerageRequest get(String requestId) {
        return requests.get(requestId);
    }

    public BrokerageRequest raise(Command.Raise c) {
        Result.Applied applied = applied(Brokerage.raise(c), c);
        if (store != null) {
            written(store.create(applied, null), c);
        } else {
            put(applied.event(), String.format("EVENT#%010d", applied.request().version()));
        }
        requests.put(applied.request().id(), applied.request());
        return applied.request();
    }

    /** Applies {@code c} to the request as it stands; the ledger is called as {@code ledgerCaller} (the actor's token). */
    public Outcome apply(String requestId, Command.Change c, Caller ledgerCaller) {
        BrokerageRequest current = requests.get(requestId);
        Result.Applied applied = applied(Brokerage.apply(current, c), c);
        for (LedgerEffect effect : applied.ledgerBefore()) {
            if (!ledger(effect, ledgerCaller)) {
                LedgerEffect.PlaceHold hold = (LedgerEffect.PlaceHold) effect;
                putHoldRefused(current, (Command.Agree) c, hold);
                return Outcome.HOLD_REFUSED;
            }
        }
        if (store != null) {
            written(store.update(applied), c);
        } else {
            put(applied.event(), String.format("EVENT#%010d", applied.request().version()));
        }
        requests.put(requestId, applied.request());
        for (LedgerEffect effect : applied.ledgerAfter()) {
            ledger(effect, ledgerCaller);
        }
        return Outcome.APPLIED;
    }

    private void written(boolean written, Command c) {
        if (!written) {
            throw new IllegalStateException("the brokerage's store did not write " + c);
        }
        events++;
    }

    private static Result.Applied applied(Result result, Command c) {
        if (result instanceof Result.Applied a) {
            return a;
        }
        throw new IllegalStateException("the brokerage refused " + c + ": " + result);
    }

    /**
     * True when done (or done before); false when the ledger refused a hold for want of credits. The ledger is asked as
     * the brokerage service asks it, naming the person acting.
     */
    private boolean ledger(LedgerEffect effect, Caller person) {
        Caller caller = Caller.service(
                "sse-brokerage",
                java.util.Set.of(uk.sse.kernel.identity.ServiceScope.LEDGER_HOLDS),
                new Caller.Acting(person.subject(), person.role().name(), person.area(), person.organisation()));
        uk.sse.kernel.outcome.Outcome<uk.sse.ledger.model.Result> outcome = switch (effect) {
            case LedgerEffect.PlaceHold h ->
                move.transfer(
                        caller,
                        new TransferRequest(
                                new TransferId(h.transferId()),
                                new AccountId(h.schoolAccount()),
                                new AccountId(h.providerAccount()),
                                h.credits(),
                                TransferKind.PAYMENT,
                                h.reference(),
                                true,
                                uk.sse.ledger.model.Ledger
                                        .MAX_TIMEOUT_SECONDS)); // the scenario spans terms: kept as reconciliation
            // would
            case LedgerEffect.ExtendHold x ->
                resolve.extend(
                        caller,
                        new TransferId(x.transferId()),
                        java.time.Duration.ofDays(30).toSeconds());
            case LedgerEffect.PostHold p ->
                resolve.post(caller, new TransferId(p.transferId()), OptionalLong.of(p.amount()));
            case LedgerEffect.VoidHold v -> resolve.voidHold(caller, new TransferId(v.transferId()));
            case LedgerEffect.VoidStrayHold v -> resolve.voidHold(caller, new TransferId(v.transferId()));
        };
        if (effect instanceof LedgerEffect.VoidStrayHold
                && outcome instanceof uk.sse.kernel.outcome.Outcome.NotFound<?>) {
            return true; // no such hold was placed: nothing to release
        }
        if (outcome instanceof uk.sse.kernel.outcome.Outcome.Done<uk.sse.ledger.model.Result> done) {
            if (done.value() instanceof uk.sse.ledger.model.Result.Refused refused) {
                if (effect instanceof LedgerEffect.PlaceHold && refused.reason() == Refusal.INSUFFICIENT_FUNDS) {
                    return false;
                }
                if (effect instanceof LedgerEffect.VoidStrayHold && refused.reason() == Refusal.UNKNOWN_TRANSFER) {
                    return true;
                }
                throw new IllegalStateException("the ledger refused " + effect + ": " + refused);
            }
            return true;
        }
        throw new IllegalStateException("the ledger answered " + outcome + " to " + effect);
    }

    private void putHoldRefused(BrokerageRequest r, Command.Agree c, LedgerEffect.PlaceHold hold) {
        EventEnvelope e = Brokerage.holdRefused(
                r, c, "INSUFFICIENT_FUNDS: the school has fewer than " + hold.credits() + " credits available");
        put(e, String.format("EVENT#%010d#HOLD_REFUSED", r.version()));
    }

    private void put(EventEnvelope e, String sk) {
        String pk = "REQUEST#" + e.data().get("requestId");
        dynamo.transactWriteItems(b -> b.transactItems(EventItems.put(table, pk, sk, e, json.write(e))));
        events++;
    }
}
