package uk.sse.kernel.area;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uk.sse.kernel.identity.Membership;

/**
 * Where support is commissioned: an LA, a trust, a partnership or a hub, with the rules that say which schools of the
 * register are its members (decision 0080). An LA's area has its 3-digit LA code as its id and exactly that LA's
 * schools, so every area stored as an LA code before areas had kinds is still the same area; every other area's id
 * holds a letter and so is never taken for an LA code.
 */
public record Area(String id, String name, AreaKind kind, MembershipRules rules) {

    private static final Pattern ID = Pattern.compile(Membership.AREA);
    private static final Pattern LA_CODE = Pattern.compile("[0-9]{3}");

    public Area {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rules, "rules");
        problem(id, name, kind, rules).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** The area of a local authority: its LA code as id, its schools as members. */
    public static Area localAuthority(String laCode, String name) {
        return new Area(laCode, name, AreaKind.LA, new MembershipRules(Set.of(laCode), Set.of(), Set.of()));
    }

    /** Whether an id names an LA's area (three digits) rather than a defined one. */
    public static boolean isLaCode(String id) {
        return id != null && LA_CODE.matcher(id).matches();
    }

    /** What is wrong with an area so described, if anything: for refusing an admin's definition with a reason. */
    public static Optional<String> problem(String id, String name, AreaKind kind, MembershipRules rules) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.of("an area's id is 1 to 20 letters, digits or '-'");
        }
        if (name == null || name.isBlank()) {
            return Optional.of("an area has a name");
        }
        if (kind == AreaKind.LA) {
            return isLaCode(id) && rules.equals(new MembershipRules(Set.of(id), Set.of(), Set.of()))
                    ? Optional.empty()
                    : Optional.of("an LA's area has its LA code as id and that LA's schools as members");
        }
        if (id.chars().noneMatch(Character::isLetter)) {
            return Optional.of("an area that is not an LA has a letter in its id, so it is never taken for an LA code");
        }
        return Optional.empty();
    }

    /** Whether the school is a member of this area, as the register describes it now. */
    public boolean includes(SchoolFacts school) {
        return rules.admits(school);
    }
}
