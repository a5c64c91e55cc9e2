package uk.sse.ledger.application;

import uk.sse.kernel.identity.Caller;
import uk.sse.ledger.model.Requester;

/** The caller of the API as the ledger records them with what they asked for. */
public final class Requesters {

    private Requesters() { }

    public static Requester of(Caller caller) {
        if (caller.isService()) {
            Requester onBehalfOf = caller.actingFor()
                    .map(a -> Requester.person(a.subject(), a.role() == null ? "UNKNOWN" : a.role(), a.area(), a.organisation()))
                    .orElse(null);
            return Requester.service(caller.subject(), onBehalfOf);
        }
        return Requester.person(caller.subject(), caller.role().name(), caller.area(), caller.organisation());
    }
}
