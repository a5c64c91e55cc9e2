package uk.sse.kernel.area;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The areas a function knows: every LA's (an id of three digits, needing no definition) and those defined
 * ({@link AreaDefinition}). Whether a school is a member of an area is asked here.
 */
@Singleton
public class DefinedAreas {

    private final Map<String, Area> defined;

    public DefinedAreas(List<AreaDefinition> definitions) {
        this.defined = definitions.stream().map(AreaDefinition::area).collect(Collectors.toUnmodifiableMap(Area::id, Function.identity()));
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

    /** Whether the school is a member of the area of that id; no area, no members. */
    public boolean includes(String areaId, SchoolFacts school) {
        return find(areaId).map(a -> a.includes(school)).orElse(false);
    }
}
