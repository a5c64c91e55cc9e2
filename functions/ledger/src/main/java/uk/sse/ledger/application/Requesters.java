package uk.sse.ledger.application;

import uk.sse.kernel.identity.Caller;
import uk.sse.ledger.model.Requester;

/**
 * The caller of the API as the ledger records them with what they asked for: a person in the membership that grants
 * the action (decision 0080), which the model checks again.
 */
public final class Requesters {

    private Requesters() {}

    public static Requester of(Caller caller) {
        if (caller.isService()) {
            Requester onBehalfOf = caller.actingFor()
                    .map(a -> Requester.person(
                            a.subject(), a.role() == null ? "UNKNOWN" : a.role(), a.area(), a.organisation()))
                    .orElse(null);
            return Requester.service(caller.subject(), onBehalfOf);
        }
        return Requester.person(caller.subject(), caller.role().name(), caller.area(), caller.organisation());
    }

    /** As {@link #of(Caller)}, the person wearing the first membership that alone is {@code allowed} (else the hat). */
    public static Requester of(Caller caller, java.util.function.Predicate<Caller> allowed) {
        return of(caller.isService() ? caller : caller.wearingOneThat(allowed).orElse(caller));
    }
}
