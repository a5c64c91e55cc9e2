package uk.sse.web.session;

import uk.sse.kernel.identity.Caller;
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
        return caller.is(Role.PROVIDER) && caller.organisation() != null && caller.organisation().matches(URN);
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

    /** What the person does here, for the header: "Adviser", "School", "Provider"... */
    public String roleLabel() {
        if (isSchool()) {
            return "School";
        }
        return switch (caller.role()) {
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
