package uk.sse.kernel.area;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Set;

/**
 * An area other than an LA's, as configuration defines it ({@code sse.areas.<id>.name}, {@code .kind},
 * {@code .la-codes}, {@code .trust-codes}, {@code .urns}): how areas were defined before the directory kept them
 * (decision 0080); only the directory still reads it, under its stored register (decisions 0082, 0085), and the other
 * functions build definitions from the register they read. LA areas need no definition. {@code .schools-raise-requests: true} lets the area's schools raise
 * requests for themselves (decision 0081); off unless said.
 */
@EachProperty("sse.areas")
public record AreaDefinition(
        @Parameter String id,
        String name,
        AreaKind kind,
        @Nullable List<String> laCodes,
        @Nullable List<String> trustCodes,
        @Nullable List<String> urns,
        @Nullable Boolean schoolsRaiseRequests) {

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
