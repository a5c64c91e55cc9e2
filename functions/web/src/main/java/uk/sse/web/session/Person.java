package uk.sse.web.session;

import java.util.List;
import java.util.Map;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.CallerArgumentBinder;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;

/**
 * The signed-in person as the pages see them: who they are (the {@link Caller} the APIs will also see in their token),
 * the name to greet them by, and the bearer token every API call carries. Pages choose what to offer from this; the APIs
 * decide what is allowed.
 */
public record Person(Caller caller, String name, String bearer, String sessionId) {

    private static final String URN = "[0-9]{6,7}";

    public boolean isAdviser() {
        return caller.is(Role.ADVISER);
    }

    /** Staff of a school: a provider whose organisation is the school's URN (a school's provider id is its URN). */
    public boolean isSchool() {
        return caller.is(Role.PROVIDER)
                && caller.organisation() != null
                && caller.organisation().matches(URN);
    }

    /** A member of a provider (a school is one too: it publishes offers). */
    public boolean isProvider() {
        return caller.is(Role.PROVIDER) && caller.organisation() != null;
    }

    public boolean isBroker() {
        return caller.is(Role.BROKER);
    }

    public boolean isAssurer() {
        return caller.is(Role.ASSURER);
    }

    public String organisation() {
        return caller.organisation();
    }

    public String area() {
        return caller.area();
    }

    public String authorization() {
        return "Bearer " + bearer;
    }

    /** Every membership the person holds, the one they are acting in first. */
    public List<Membership> memberships() {
        return caller.memberships();
    }

    /** Whether the person holds several memberships, and so may choose which to act in. */
    public boolean wearsSeveralHats() {
        return caller.memberships().size() > 1;
    }

    /**
     * The header naming the membership the person acts in, for every API call: the APIs then decide in that one first
     * (decision 0080). None for a person of one membership, whose token says it all.
     */
    public Map<String, String> hatHeader() {
        return wearsSeveralHats()
                ? Map.of(
                        CallerArgumentBinder.MEMBERSHIP,
                        caller.hat().orElseThrow().written())
                : Map.of();
    }

    /** What the person does here, for the header: "Adviser", "School", "Provider"... */
    public String roleLabel() {
        return roleLabel(caller.hat().orElseThrow());
    }

    /** What a membership is, by its role: "Adviser", "School" (a provider whose organisation is a school), "Provider"... */
    public static String roleLabel(Membership membership) {
        if (membership.role() == Role.PROVIDER
                && membership.organisation() != null
                && membership.organisation().matches(URN)) {
            return "School";
        }
        return switch (membership.role()) {
            case ADVISER -> "Adviser";
            case BROKER -> "Broker";
            case PROVIDER -> "Provider";
            case ASSURER -> "Assurer";
            case COMMISSIONER -> "Commissioner";
            case ADMIN -> "Administrator";
            case REGISTRAR -> "Registrar";
        };
    }
}
