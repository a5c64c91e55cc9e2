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

    public boolean isService() { return SERVICE.equals(role); }

    /** A commissioner of {@code someArea}: the only person who may issue credits there. */
    public boolean isCommissionerOf(String someArea) { return COMMISSIONER.equals(role) && someArea.equals(area); }
}
