package uk.sse.kernel.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The memberships a person's validated token carries (decision 0080): its {@code memberships} claim, an array of
 * {@code ROLE@area/org}; or, in a token from before it, the one membership its {@code role}, {@code area} and
 * {@code org} claims make. Entries that are not well formed or name no known role are left out; none left means the
 * token names no usable person. Pure: claims in, memberships out, never an exception.
 */
public final class TokenMemberships {

    /** More than any person holds; a token claiming more is read up to here. */
    static final int MOST = 100;

    private TokenMemberships() {}

    public static List<Membership> of(Map<String, Object> claims) {
        Object many = claims.get(Caller.MEMBERSHIPS_CLAIM);
        if (many != null) {
            return listed(many);
        }
        Role role = roleOf(claims.get(Role.CLAIM));
        return role == null
                ? List.of()
                : List.of(new Membership(
                        role, text(claims.get(Caller.AREA_CLAIM)), text(claims.get(Caller.ORGANISATION_CLAIM))));
    }

    private static List<Membership> listed(Object claim) {
        Iterable<?> entries = claim instanceof Iterable<?> list ? list : List.of(claim);
        Set<Membership> found = new LinkedHashSet<>();
        int seen = 0;
        for (Object entry : entries) {
            if (++seen > MOST) {
                break;
            }
            if (entry instanceof String written) {
                Membership.parse(written).ifPresent(found::add);
            }
        }
        return List.copyOf(found);
    }

    private static Role roleOf(Object claim) {
        Object value = claim instanceof Iterable<?> many && many.iterator().hasNext()
                ? many.iterator().next()
                : claim;
        if (value == null) {
            return null;
        }
        try {
            return Role.valueOf(value.toString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String text(Object claim) {
        return claim == null || claim.toString().isBlank() ? null : claim.toString();
    }
}
