package uk.sse.kernel.area;

import java.util.HashSet;
import java.util.Set;

/**
 * Which schools of the register belong to an area: those in any of these LAs, in any of these trusts (GIAS trust
 * codes), or named by URN. A school matching any one rule is a member; no rule, no members.
 */
public record MembershipRules(Set<String> laCodes, Set<String> trustCodes, Set<String> urns) {

    public static final MembershipRules NONE = new MembershipRules(Set.of(), Set.of(), Set.of());

    public MembershipRules {
        laCodes = laCodes == null ? Set.of() : Set.copyOf(laCodes);
        trustCodes = trustCodes == null ? Set.of() : Set.copyOf(trustCodes);
        urns = urns == null ? Set.of() : Set.copyOf(urns);
    }

    public boolean admits(SchoolFacts school) {
        return (school.laCode() != null && laCodes.contains(school.laCode()))
                || (school.trustCode() != null && trustCodes.contains(school.trustCode()))
                || urns.contains(school.urn());
    }

    /** The rules of both: a school either admits is a member. */
    public MembershipRules and(MembershipRules more) {
        return new MembershipRules(
                union(laCodes, more.laCodes), union(trustCodes, more.trustCodes), union(urns, more.urns));
    }

    public boolean isEmpty() {
        return laCodes.isEmpty() && trustCodes.isEmpty() && urns.isEmpty();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.addAll(b);
        return both;
    }
}
