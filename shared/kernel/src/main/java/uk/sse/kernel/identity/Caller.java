package uk.sse.kernel.identity;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling. A person: the subject of the bearer token, their role, the area (commissioning body, e.g. an LA
 * code) they act in and the organisation (a provider id or a school URN) they belong to. Or another function acting as
 * itself ({@link #service()}): its client id as subject, no role, area or organisation, the scopes it was granted, and
 * for the record only the person on whose behalf it acts. Policies ask through the methods here, never the fields.
 */
public record Caller(String subject, Role role, String area, String organisation, Service service) {

    public static final String AREA_CLAIM = "area";
    public static final String ORGANISATION_CLAIM = "org";

    /** A function's grant: what it may do ({@link ServiceScope}), and whom it acts for (audit, never authority). */
    public record Service(Set<String> scopes, Acting actingFor) {
        public Service {
            scopes = Set.copyOf(scopes);
        }
    }

    /** The person a service acts for, as the service says: kept with what it did, never used to decide what it may do. */
    public record Acting(String subject, String role, String area, String organisation) {
        public Acting {
            Objects.requireNonNull(subject, "subject");
        }
    }

    public Caller {
        Objects.requireNonNull(subject, "subject");
        if ((role == null) == (service == null)) {
            throw new IllegalArgumentException("a caller is a person with a role or a service, not both or neither");
        }
        if (service != null && (area != null || organisation != null)) {
            throw new IllegalArgumentException("a service acts in no area and for no organisation of its own");
        }
    }

    /** A person. */
    public Caller(String subject, Role role, String area, String organisation) {
        this(subject, Objects.requireNonNull(role, "role"), area, organisation, null);
    }

    /** Another function, as itself. */
    public static Caller service(String client, Set<String> scopes, Acting actingFor) {
        return new Caller(client, null, null, null, new Service(scopes, actingFor));
    }

    public boolean isService() {
        return service != null;
    }

    /** A service granted {@code scope}; never a person. */
    public boolean isServiceWith(String scope) {
        return service != null && service.scopes().contains(scope);
    }

    /** For a service, the person it says it acts for. */
    public Optional<Acting> actingFor() {
        return service == null ? Optional.empty() : Optional.ofNullable(service.actingFor());
    }

    public boolean is(Role r) {
        return role != null && role == r;
    }

    public boolean actsIn(String someArea) {
        return area != null && area.equals(someArea);
    }

    public boolean belongsTo(String someOrganisation) {
        return organisation != null && organisation.equals(someOrganisation);
    }

    /** The role's holder acting in the given area, e.g. an assurer of the offer's area. */
    public boolean isIn(Role r, String someArea) {
        return is(r) && actsIn(someArea);
    }

    /** For messages: "a BROKER of area 888", or "the service sse-brokerage". */
    public String describe() {
        return service != null ? "the service " + subject : "a " + role + (area == null ? "" : " of area " + area);
    }
}
