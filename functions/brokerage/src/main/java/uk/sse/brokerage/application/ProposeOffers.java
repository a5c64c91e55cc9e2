package uk.sse.brokerage.application;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.Policy;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.problem.ServiceBusy;

/**
 * A broker proposes offers to a request. Each offer must be one the broker finds in the directory (approved and not
 * past its review date); its provider comes from there, never from the body, so a proposal is addressed to the
 * organisation that really publishes the offer.
 */
@Singleton
public class ProposeOffers {

    /** One offer as the broker proposes it: how many days, for how many credits. */
    public record Offer(String offerId, int days, long credits) {}

    private final RequestStore store;
    private final Directory directory;
    private final MoveRequest move;

    public ProposeOffers(RequestStore store, Directory directory, MoveRequest move) {
        this.store = store;
        this.directory = directory;
        this.move = move;
    }

    public Outcome<Moved> propose(Caller caller, String requestId, long version, List<Offer> offers, String note) {
        Optional<BrokerageRequest> request = store.find(requestId);
        if (request.isEmpty() || !Policy.maySee(Actors.of(caller, request.get()), request.get())) {
            return Outcome.notFound("request " + requestId);
        }
        Actor actor = Actors.of(caller, request.get());
        List<Command.Offered> offered = new ArrayList<>();
        if (Policy.isBroker(actor, request.get())) { // others are refused by the model without asking the directory
            for (int i = 0; i < offers.size(); i++) {
                Offer o = offers.get(i);
                switch (directory.offer(Actors.wearingFor(caller, request.get()), o.offerId())) {
                    case Lookup.Found<Directory.Offer> found ->
                        offered.add(
                                new Command.Offered(o.offerId(), found.value().providerId(), o.days(), o.credits()));
                    case Lookup.Missing<Directory.Offer> missing -> {
                        return Outcome.invalid(
                                "/offers/" + i + "/offerId",
                                "no offer " + o.offerId()
                                        + " that you may propose: it must be approved and within its review date");
                    }
                    case Lookup.Unavailable<Directory.Offer> down ->
                        throw new ServiceBusy("the directory did not answer: " + down.why(), null);
                }
            }
        }
        return move.move(caller, requestId, (by, at) -> new Command.Propose(by, at, version, offered, note));
    }
}
