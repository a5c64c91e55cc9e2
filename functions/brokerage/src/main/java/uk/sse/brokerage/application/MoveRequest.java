package uk.sse.brokerage.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.brokerage.BrokerageSettings;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.LedgerEffect;
import uk.sse.brokerage.model.Policy;
import uk.sse.brokerage.model.Result;
import uk.sse.kernel.dynamo.StoreBusy;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.problem.ServiceBusy;
import uk.sse.kernel.retry.Backoff;

/**
 * Takes a request one step through its lifecycle: read it, let the model decide, and store the new state and its event
 * on condition that the request has not moved since it was read. The ledger (as the brokerage service, naming the
 * caller for its record) places an agreement's hold before the write, as the agreement needs its answer; it posts or
 * voids a hold after the write, which has then decided it (decision 0031).
 *
 * <p>A crash or a lost answer between the hold and the write is repaired by the client sending the same command again
 * (the request is unchanged, so the model decides the same and the ledger answers the same hold), or, if no retry comes,
 * by reconciliation releasing the hold. A post or void the crash left undone is re-driven by reconciliation. When the
 * write loses a race, a hold this command placed that can now never be the request's engagement is voided, and the
 * command is decided again on the new state, which refuses it as stale (409, naming what is allowed now).
 */
@Singleton
public class MoveRequest {

    private static final Logger LOG = LoggerFactory.getLogger(MoveRequest.class);

    /** A command as the caller means it, made when it is handled. */
    @FunctionalInterface
    public interface Intent {
        Command.Change by(Actor actor, Instant at);
    }

    private final RequestStore store;
    private final Ledger ledger;
    private final Clock clock;
    private final Backoff backoff;

    public MoveRequest(RequestStore store, Ledger ledger, Clock clock, BrokerageSettings settings) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.backoff = settings.backoff();
    }

    public Outcome<Moved> move(Caller caller, String requestId, Intent intent) {
        return backoff.untilWritten(
                () -> {
                    Optional<BrokerageRequest> read = store.find(requestId);
                    Caller acting = read.map(r -> Actors.wearingFor(caller, r)).orElse(caller);
                    if (read.isEmpty() || !Policy.maySee(Actors.of(acting), read.get())) {
                        return Optional.of(Outcome.<Moved>notFound("request " + requestId));
                    }
                    return attempt(read.get(), intent.by(Actors.of(acting), clock.instant()), acting)
                            .map(Outcome::done);
                },
                StoreBusy.class,
                (why, last) -> new ServiceBusy("the request " + why, last));
    }

    /** The answer, or empty if the write lost a race and the command must be decided again. */
    private Optional<Moved> attempt(BrokerageRequest current, Command.Change command, Caller caller) {
        switch (Brokerage.apply(current, command)) {
            case Result.Refused refused -> {
                return Optional.of(new Moved.Refused(refused));
            }
            case Result.Applied applied -> {
                for (LedgerEffect effect : applied.ledgerBefore()) {
                    switch (ledger.carry(caller, effect)) {
                        case Ledger.Answer.Done done -> {}
                        case Ledger.Answer.Refused no -> {
                            if (no.forWantOfCredits() && command instanceof Command.Agree agree) {
                                store.recordEvent(
                                        current.id(),
                                        current.version(),
                                        "HOLD_REFUSED",
                                        Brokerage.holdRefused(current, agree, no.message()));
                            }
                            return Optional.of(new Moved.LedgerRefused(current, no));
                        }
                        case Ledger.Answer.Unavailable down ->
                            throw new ServiceBusy("the ledger did not answer: " + down.why(), null);
                    }
                }
                if (store.update(applied)) {
                    applied.ledgerAfter().forEach(effect -> bestEffort(caller, effect));
                    return Optional.of(new Moved.Done(applied.request()));
                }
                voidStrayHolds(applied, caller);
                return Optional.empty();
            }
        }
    }

    /** After a lost write: a hold this command placed that the request as it now stands can never use. */
    private void voidStrayHolds(Result.Applied applied, Caller caller) {
        List<LedgerEffect.PlaceHold> placed = applied.ledgerBefore().stream()
                .filter(LedgerEffect.PlaceHold.class::isInstance)
                .map(LedgerEffect.PlaceHold.class::cast)
                .toList();
        if (placed.isEmpty()) {
            return;
        }
        store.find(applied.request().id())
                .ifPresent(now -> placed.stream()
                        .filter(hold -> Brokerage.strayHold(now, hold.transferId()))
                        .forEach(hold -> bestEffort(caller, new LedgerEffect.VoidStrayHold(hold.transferId()))));
    }

    private void bestEffort(Caller caller, LedgerEffect effect) {
        Ledger.Answer answer;
        try {
            answer = ledger.carry(caller, effect);
        } catch (
                RuntimeException
                        failed) { // e.g. no service token now: the state is written, reconciliation will finish
            answer = new Ledger.Answer.Unavailable(failed.toString());
        }
        if (!(answer instanceof Ledger.Answer.Done)) {
            LOG.warn(
                    "{} of {} was not done ({}); reconciliation will see to it",
                    effect.getClass().getSimpleName(),
                    effect.transferId(),
                    answer);
        }
    }
}
