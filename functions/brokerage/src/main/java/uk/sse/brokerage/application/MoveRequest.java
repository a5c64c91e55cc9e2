package uk.sse.brokerage.application;

import jakarta.inject.Singleton;
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

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Takes a request one step through its lifecycle: read it, let the model decide, carry out the ledger effects the
 * step needs (place, post or void the engagement's hold) with the caller's authority, then store the new state and
 * its event on condition that the request has not moved since it was read.
 *
 * <p>A crash or a lost answer between the ledger and the write is repaired by the client sending the same command
 * again: the request is unchanged, so the model decides the same, and the ledger answers the same transfer as done.
 * When the write loses a race, a hold this command placed that can now never be the request's engagement is voided,
 * and the command is decided again on the new state, which refuses it as stale (409, naming what is allowed now).
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

    public Outcome<Moved> move(Caller caller, String bearer, String requestId, Intent intent) {
        Actor actor = Actors.of(caller);
        Command.Change command = intent.by(actor, clock.instant());
        StoreBusy busy = null;
        for (int attempt = 1; attempt <= backoff.maxAttempts(); attempt++) {
            try {
                Optional<BrokerageRequest> read = store.find(requestId);
                if (read.isEmpty() || !Policy.maySee(actor, read.get())) {
                    return Outcome.notFound("request " + requestId);
                }
                Optional<Moved> moved = attempt(read.get(), command, bearer);
                if (moved.isPresent()) {
                    return Outcome.done(moved.get());
                }
            } catch (StoreBusy e) {
                busy = e;
            }
            pause(attempt);
        }
        throw new ServiceBusy("the request stayed contended through " + backoff.maxAttempts() + " attempts", busy);
    }

    /** The answer, or empty if the write lost a race and the command must be decided again. */
    private Optional<Moved> attempt(BrokerageRequest current, Command.Change command, String bearer) {
        switch (Brokerage.apply(current, command)) {
            case Result.Refused refused -> {
                return Optional.of(new Moved.Refused(refused));
            }
            case Result.Applied applied -> {
                for (LedgerEffect effect : applied.ledgerBefore()) {
                    switch (ledger.carry(bearer, effect)) {
                        case Ledger.Answer.Done done -> { }
                        case Ledger.Answer.Refused no -> {
                            if (no.forWantOfCredits() && command instanceof Command.Agree agree) {
                                store.recordHoldRefused(current.id(), current.version(), Brokerage.holdRefused(current, agree, no.message()));
                            }
                            return Optional.of(new Moved.LedgerRefused(current, no));
                        }
                        case Ledger.Answer.Unavailable down -> throw new ServiceBusy("the ledger did not answer: " + down.why(), null);
                    }
                }
                if (store.update(applied)) {
                    applied.ledgerAfter().forEach(effect -> bestEffort(bearer, effect));
                    return Optional.of(new Moved.Done(applied.request()));
                }
                voidStrayHolds(applied, bearer);
                return Optional.empty();
            }
        }
    }

    /** After a lost write: a hold this command placed that the request as it now stands can never use. */
    private void voidStrayHolds(Result.Applied applied, String bearer) {
        List<LedgerEffect.PlaceHold> placed = applied.ledgerBefore().stream()
                .filter(LedgerEffect.PlaceHold.class::isInstance).map(LedgerEffect.PlaceHold.class::cast).toList();
        if (placed.isEmpty()) {
            return;
        }
        store.find(applied.request().id()).ifPresent(now -> placed.stream()
                .filter(hold -> Brokerage.strayHold(now, hold.transferId()))
                .forEach(hold -> bestEffort(bearer, new LedgerEffect.VoidStrayHold(hold.transferId()))));
    }

    private void bestEffort(String bearer, LedgerEffect effect) {
        Ledger.Answer answer = ledger.carry(bearer, effect);
        if (!(answer instanceof Ledger.Answer.Done)) {
            LOG.warn("{} of {} was not done ({}); the hold stays until someone voids it", effect.getClass().getSimpleName(),
                    effect.transferId(), answer);
        }
    }

    private void pause(int attempt) {
        try {
            backoff.sleepAfter(attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServiceBusy("interrupted while waiting to retry", interrupted);
        }
    }
}
