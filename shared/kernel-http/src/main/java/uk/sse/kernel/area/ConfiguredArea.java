package uk.sse.kernel.area;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * An area defined in a function's configuration ({@code sse.areas.<id>.name}, {@code .kind}, {@code .la-codes},
 * {@code .trust-codes}, {@code .urns}, {@code .schools-raise-requests}; decision 0080), as Micronaut binds it. Each
 * one is also an {@link AreaDefinition} bean ({@link ConfiguredAreaDefinitions}), the plain record the functions' own
 * code reads. Only the directory still reads them, under its stored register (decisions 0082, 0085).
 */
@EachProperty("sse.areas")
public record ConfiguredArea(
        @Parameter String id,
        String name,
        AreaKind kind,
        @Nullable List<String> laCodes,
        @Nullable List<String> trustCodes,
        @Nullable List<String> urns,
        @Nullable Boolean schoolsRaiseRequests) {

    public AreaDefinition definition() {
        return new AreaDefinition(id, name, kind, laCodes, trustCodes, urns, schoolsRaiseRequests);
    }
}
