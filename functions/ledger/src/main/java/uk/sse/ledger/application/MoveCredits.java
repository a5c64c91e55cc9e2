package uk.sse.ledger.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Command;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.TransferKind;

/** Creates a transfer or a hold, or an allocation from the area's issuing account. Same id, same body: a replay. */
@Singleton
public class MoveCredits {

    private final LedgerStore store;
    private final ApplyCommand apply;
    private final Clock clock;

    public MoveCredits(LedgerStore store, ApplyCommand apply, Clock clock) {
        this.store = store;
        this.apply = apply;
        this.clock = clock;
    }

    public Outcome<Result> transfer(Caller caller, TransferRequest request) {
        if (!LedgerPolicy.mayMove(caller, request.kind(), request.id(), request.debit())) {
            return Outcome.forbidden(caller.describe() + " may not make a " + request.kind() + " " + request.id()
                    + " from " + request.debit());
        }
        Command.CreateTransfer command = request.at(
                clock.instant(),
                Requesters.of(caller, c -> LedgerPolicy.mayMove(c, request.kind(), request.id(), request.debit())));
        List<AccountId> accounts = command.debit().equals(command.credit())
                ? List.of(command.debit())
                : List.of(command.debit(), command.credit());
        return Outcome.done(apply.apply(() -> store.read(List.of(command.id()), accounts), command));
    }

    /** Credits from the area's issuing account to {@code request.credit()}; the debit side is set here. */
    public Outcome<Result> allocate(Caller caller, TransferRequest request) {
        return transfer(
                caller,
                new TransferRequest(
                        request.id(),
                        AccountId.issuing(request.credit().area()),
                        request.credit(),
                        request.amount(),
                        TransferKind.ALLOCATION,
                        request.reference(),
                        false,
                        0));
    }
}
