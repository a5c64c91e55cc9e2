package uk.sse.kernel.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling. A person: the subject of the bearer token and their memberships (role, area, organisation; decision
 * 0080), the first of which is the hat they are wearing. Or another function acting as itself ({@link #service()}): its
 * client id as subject, no membership, the scopes it was granted, and for the record only the person on whose behalf it
 * acts. Policies ask through the methods here, never the fields. {@link #role()}, {@link #area()},
 * {@link #organisation()}, {@link #is}, {@link #actsIn}, {@link #belongsTo} and {@link #isIn} answer for the hat alone;
 * {@link #holds} and {@link #membershipsAs} look at every membership, one at a time.
 */
public record Caller(String subject, List<Membership> memberships, Service service) {

    public static final String AREA_CLAIM = "area";
    public static final String ORGANISATION_CLAIM = "org";
    /** The token's claim of every membership, each written {@code ROLE@area/org} ({@link Membership#written()}). */
    public static final String MEMBERSHIPS_CLAIM = "memberships";

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
        memberships = memberships == null
                ? List.of()
                : memberships.stream().map(Objects::requireNonNull).distinct().toList();
        if (memberships.isEmpty() == (service == null)) {
            throw new IllegalArgumentException(
                    "a caller is a person with memberships or a service, not both or neither");
        }
    }

    /** A person with one membership, as every token was before decision 0080. */
    public Caller(String subject, Role role, String area, String organisation) {
        this(subject, List.of(new Membership(role, area, organisation)), null);
    }

    /** A person with these memberships, the first the hat they wear. */
    public static Caller person(String subject, List<Membership> memberships) {
        if (memberships.isEmpty()) {
            throw new IllegalArgumentException("a person holds at least one membership");
        }
        return new Caller(subject, memberships, null);
    }

    /** Another function, as itself. */
    public static Caller service(String client, Set<String> scopes, Acting actingFor) {
        return new Caller(client, List.of(), new Service(scopes, actingFor));
    }

    /** The membership a person is wearing; none for a service. */
    public Optional<Membership> hat() {
        return memberships.isEmpty() ? Optional.empty() : Optional.of(memberships.getFirst());
    }

    /** The same person wearing another of their memberships; empty if they do not hold it (or this is a service). */
    public Optional<Caller> wearing(Membership chosen) {
        if (!memberships.contains(chosen)) {
            return Optional.empty();
        }
        List<Membership> reordered = new ArrayList<>(memberships.size());
        reordered.add(chosen);
        memberships.stream().filter(m -> !m.equals(chosen)).forEach(reordered::add);
        return Optional.of(new Caller(subject, reordered, null));
    }

    /**
     * The person wearing the first of their memberships (the hat first) that alone passes {@code alone}: the membership an
     * action is taken in, for what records who took it. Empty if none does, and for a service.
     */
    public Optional<Caller> wearingOneThat(java.util.function.Predicate<Caller> alone) {
        return memberships.stream()
                .filter(m -> alone.test(new Caller(subject, List.of(m), null)))
                .findFirst()
                .flatMap(this::wearing);
    }

    /** The hat's role; null for a service. */
    public Role role() {
        return hat().map(Membership::role).orElse(null);
    }

    /** The hat's area; null for a service or a national role. */
    public String area() {
        return hat().map(Membership::area).orElse(null);
    }

    /** The hat's organisation; null for a service or a person of none. */
    public String organisation() {
        return hat().map(Membership::organisation).orElse(null);
    }

    /** Whether any one of the person's memberships is this role in this area. */
    public boolean holds(Role r, String someArea) {
        return memberships.stream().anyMatch(m -> m.isIn(r, someArea));
    }

    /** The person's memberships of this role, in the token's order (the hat's first, if it is one). */
    public List<Membership> membershipsAs(Role r) {
        return memberships.stream().filter(m -> m.role() == r).toList();
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

    /** The hat's role is this one. */
    public boolean is(Role r) {
        return r != null && r == role();
    }

    /** The hat is of this area. */
    public boolean actsIn(String someArea) {
        return someArea != null && someArea.equals(area());
    }

    /** The hat is of this organisation. */
    public boolean belongsTo(String someOrganisation) {
        return hat().map(m -> m.belongsTo(someOrganisation)).orElse(false);
    }

    /** The hat is this role in this area, e.g. an assurer of the offer's area. */
    public boolean isIn(Role r, String someArea) {
        return hat().map(m -> m.isIn(r, someArea)).orElse(false);
    }

    /** For messages: "a BROKER of area 888", or "the service sse-brokerage". */
    public String describe() {
        return service != null
                ? "the service " + subject
                : "a " + role() + (area() == null ? "" : " of area " + area());
    }
}
