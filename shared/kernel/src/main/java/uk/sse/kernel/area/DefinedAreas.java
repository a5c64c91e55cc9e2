package uk.sse.kernel.area;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The areas a function knows: every LA's (an id of three digits, needing no definition) and those defined
 * ({@link AreaDefinition}): in the directory its register, elsewhere that register as read ({@code AreaRegister},
 * decision 0085). Whether a school is a member of an area is asked here.
 */
public class DefinedAreas {

    private final Map<String, Area> defined;
    /** The areas whose schools may raise requests for themselves (decision 0081), by id. */
    private final Set<String> schoolsRaise;

    public DefinedAreas(List<AreaDefinition> definitions) {
        this.defined = definitions.stream()
                .map(AreaDefinition::area)
                .collect(Collectors.toUnmodifiableMap(Area::id, Function.identity()));
        this.schoolsRaise = definitions.stream()
                .filter(AreaDefinition::letsSchoolsRaise)
                .map(AreaDefinition::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether any area lets its schools raise requests for themselves (if none, no school need be looked up to know). */
    public boolean anyLetsSchoolsRaise() {
        return !schoolsRaise.isEmpty();
    }

    /** Whether the area of that id lets its schools raise requests for themselves; off unless its definition says so. */
    public boolean letsSchoolsRaise(String areaId) {
        return areaId != null && schoolsRaise.contains(areaId);
    }

    /**
     * The area in whose queue a school's own request goes (decision 0081): of the areas the school is a member of that let
     * their schools raise requests, the first of {@code preferred} (the areas of the school's memberships, the hat's
     * first), else the school's LA's, else the first by id; none if no area of the school lets it.
     */
    public Optional<String> whereSchoolRaises(SchoolFacts school, List<String> preferred) {
        List<String> letting = schoolsRaise.stream()
                .filter(id -> includes(id, school))
                .sorted()
                .toList();
        return java.util.stream.Stream.concat(preferred.stream(), java.util.stream.Stream.ofNullable(school.laCode()))
                .filter(letting::contains)
                .findFirst()
                .or(() -> letting.stream().findFirst());
    }

    /**
     * The area of that id: a defined one (an LA's may be defined only to give its name), else an LA's for three digits
     * (named by its code), else none.
     */
    public Optional<Area> find(String id) {
        Area known = id == null ? null : defined.get(id);
        if (known == null && Area.isLaCode(id)) {
            return Optional.of(Area.localAuthority(id, "local authority " + id));
        }
        return Optional.ofNullable(known);
    }

    /** The ids of the areas the school is a member of: its LA's (if it has an LA code) and every defined one admitting it, by id. */
    public List<String> including(SchoolFacts school) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.ofNullable(school.laCode()).filter(Area::isLaCode),
                        defined.values().stream()
                                .filter(a -> a.includes(school))
                                .map(Area::id))
                .distinct()
                .sorted()
                .toList();
    }

    /** Whether the school is a member of the area of that id; no area, no members. */
    public boolean includes(String areaId, SchoolFacts school) {
        return find(areaId).map(a -> a.includes(school)).orElse(false);
    }
}
