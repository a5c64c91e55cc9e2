package uk.sse.kernel.identity;

import java.util.Objects;

/**
 * Who is calling: the subject of the bearer token, their role, the area (commissioning body, e.g. an LA
 * code) they act in and the organisation (a provider id or a school URN) they belong to.
 */
public record Caller(String subject, Role role, String area, String organisation) {

    public static final String AREA_CLAIM = "area";
    public static final String ORGANISATION_CLAIM = "org";

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role r) {
        return role == r;
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
}
