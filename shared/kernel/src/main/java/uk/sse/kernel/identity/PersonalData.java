package uk.sse.kernel.identity;

import uk.sse.kernel.outcome.Outcome;

/**
 * Who answers a person's subject-access request and erasure in every function (decision 0104): an admin of an area, in
 * person (never a service acting for one), and only for their own area.
 */
public final class PersonalData {

    private PersonalData() {}

    /** The area whose records {@code caller} may export or erase a person from; forbidden unless its admin, in person. */
    public static Outcome<String> areaAnsweredBy(Caller caller) {
        if (caller.isService() || !caller.is(Role.ADMIN) || caller.area() == null) {
            return Outcome.forbidden("only an admin of an area exports or erases a person's records, for that area");
        }
        return Outcome.done(caller.area());
    }
}
