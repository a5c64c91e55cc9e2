package uk.sse.ledger.model;

/**
 * Who asked for a transfer or its resolution: a person ({@code role} their role, e.g. COMMISSIONER, with their area and
 * organisation) or a function acting as itself ({@code role} {@link #SERVICE}), which names the person it acted for
 * in {@code onBehalfOf}, for the record only. Kept with every transfer.
 */
public record Requester(String subject, String role, String area, String organisation, Requester onBehalfOf) {

    public static final String SERVICE = "SERVICE";
    public static final String COMMISSIONER = "COMMISSIONER";
    /** The ledger's own sweeper, voiding holds whose timeout passed. */
    public static final Requester SWEEPER = new Requester("ledger-sweeper", SERVICE, null, null, null);

    /** The ledger's own credit-scheme job, which gives and expires entitlements for the commissioner who set the scheme. */
    public static final String SCHEMES = "ledger-schemes";

    public Requester {
        if (subject == null || subject.isBlank() || role == null || role.isBlank())
            throw new IllegalArgumentException("a requester needs a subject and a role");
        if (onBehalfOf != null && onBehalfOf.onBehalfOf() != null)
            throw new IllegalArgumentException("one acts on behalf of a person, not of someone acting for another");
    }

    public static Requester person(String subject, String role, String area, String organisation) {
        return new Requester(subject, role, area, organisation, null);
    }

    public static Requester service(String client, Requester onBehalfOf) {
        return new Requester(client, SERVICE, null, null, onBehalfOf);
    }

    public boolean isService() {
        return SERVICE.equals(role);
    }

    /** The scheme job acting for {@code commissioner}, who set the scheme. */
    public static Requester schemes(Requester commissioner) {
        return service(SCHEMES, commissioner);
    }

    /** The ledger's scheme job, acting for a commissioner of {@code someArea}: the only one who gives entitlements there. */
    public boolean isSchemesFor(String someArea) {
        return isService() && SCHEMES.equals(subject) && onBehalfOf != null && onBehalfOf.isCommissionerOf(someArea);
    }

    /** A commissioner of {@code someArea}: the only person who may issue credits there. */
    public boolean isCommissionerOf(String someArea) {
        return COMMISSIONER.equals(role) && someArea.equals(area);
    }
}
