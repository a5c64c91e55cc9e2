package uk.sse.brokerage.application;

import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.ActorKind;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Policy;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Membership;

/** The caller of the API as the model knows them: the role names are the same. */
public final class Actors {

    private Actors() {}

    /** The caller in the hat they wear. */
    public static Actor of(Caller caller) {
        return new Actor(
                caller.subject(), ActorKind.valueOf(caller.role().name()), caller.area(), caller.organisation());
    }

    /** The caller in the membership a request concerns them in (decision 0080). */
    public static Actor of(Caller caller, BrokerageRequest request) {
        return of(wearingFor(caller, request));
    }

    /**
     * The caller wearing the membership in which they have to do with the request: the hat if it sees the request, else
     * the first of their memberships that does, else the hat (which the policy then refuses).
     */
    public static Caller wearingFor(Caller caller, BrokerageRequest request) {
        if (caller.isService() || Policy.maySee(of(caller), request)) {
            return caller;
        }
        for (Membership m : caller.memberships()) {
            Caller wearing = caller.wearing(m).orElseThrow();
            if (Policy.maySee(of(wearing), request)) {
                return wearing;
            }
        }
        return caller;
    }
}
