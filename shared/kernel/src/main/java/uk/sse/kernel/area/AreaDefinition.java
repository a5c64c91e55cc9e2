package uk.sse.kernel.area;

import java.util.List;
import java.util.Set;

/**
 * An area other than an LA's, as it is defined: by the directory's register of areas (decisions 0082, 0085), or, before
 * it kept them, by configuration ({@code sse.areas.<id>}, decision 0080; bound by {@code ConfiguredArea} in
 * sse-kernel-http). LA areas need no definition. The codes and URNs may be null (no rule of that kind);
 * {@code schoolsRaiseRequests} true lets the area's schools raise requests for themselves (decision 0081), off unless
 * said.
 */
public record AreaDefinition(
        String id,
        String name,
        AreaKind kind,
        List<String> laCodes,
        List<String> trustCodes,
        List<String> urns,
        Boolean schoolsRaiseRequests) {

    /** Whether the area's schools may raise requests for themselves: only if the definition says so. */
    public boolean letsSchoolsRaise() {
        return Boolean.TRUE.equals(schoolsRaiseRequests);
    }

    /** The area; an invalid definition stops the function starting, naming what is wrong. */
    public Area area() {
        MembershipRules rules = new MembershipRules(
                laCodes == null ? null : Set.copyOf(laCodes),
                trustCodes == null ? null : Set.copyOf(trustCodes),
                urns == null ? null : Set.copyOf(urns));
        if (kind == null) {
            throw new IllegalStateException("sse.areas." + id + ".kind is needed: one of LA, TRUST, PARTNERSHIP, HUB");
        }
        Area.problem(id, name, kind, rules).ifPresent(p -> {
            throw new IllegalStateException("sse.areas." + id + ": " + p);
        });
        return new Area(id, name, kind, rules);
    }
}
