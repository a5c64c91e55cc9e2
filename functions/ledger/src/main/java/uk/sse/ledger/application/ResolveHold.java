package uk.sse.ledger.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiPredicate;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.model.Command;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;

/**
 * Posts a hold (all or part, releasing the rest), voids it, or extends its timeout. Posting or voiding twice answers
 * the first result.
 */
@Singleton
public class ResolveHold {

    private final LedgerStore store;
    private final ApplyCommand apply;
    private final Clock clock;

    public ResolveHold(LedgerStore store, ApplyCommand apply, Clock clock) {
        this.store = store;
        this.apply = apply;
        this.clock = clock;
    }

    public Outcome<Result> post(Caller caller, TransferId id, OptionalLong amount) {
        return resolve(
                caller,
                id,
                LedgerPolicy::mayPost,
                "post",
                by -> new Command.PostPending(id, amount, by, clock.instant()));
    }

    public Outcome<Result> voidHold(Caller caller, TransferId id) {
        return resolve(
                caller, id, LedgerPolicy::mayVoid, "void", by -> new Command.VoidPending(id, by, clock.instant()));
    }

    public Outcome<Result> extend(Caller caller, TransferId id, long timeoutSeconds) {
        return resolve(
                caller,
                id,
                LedgerPolicy::mayExtend,
                "extend",
                by -> new Command.ExtendHold(id, timeoutSeconds, by, clock.instant()));
    }

    private Outcome<Result> resolve(
            Caller caller,
            TransferId id,
            BiPredicate<Caller, Transfer> allowed,
            String verb,
            java.util.function.Function<uk.sse.ledger.model.Requester, Command> command) {
        Transfer hold = store.transfer(id)
                .filter(t -> LedgerPolicy.maySee(caller, t) || allowed.test(caller, t))
                .orElse(null);
        if (hold == null) {
            return Outcome.notFound("transfer " + id);
        }
        if (!allowed.test(caller, hold)) {
            return Outcome.forbidden(caller.describe() + " may not " + verb + " transfer " + id);
        }
        Command taken = command.apply(Requesters.of(caller, c -> allowed.test(c, hold)));
        return Outcome.done(apply.apply(() -> store.read(List.of(id), List.of(hold.debit(), hold.credit())), taken));
    }
}
