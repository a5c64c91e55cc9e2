package uk.sse.directory.model;

import java.util.List;
import java.util.Optional;
import uk.sse.contracts.directory.DirectoryEvent.DesignationRefused;
import uk.sse.contracts.directory.DirectoryEvent.DesignationsVerified;

/**
 * The events an assurer's decision on a provider's designations reports (docs/events.md, decision 0088), built from the
 * provider as the decision leaves it: its id is {@code <providerId>/<version>} of that version.
 */
public final class DesignationEvents {

    private DesignationEvents() {}

    /** The refusal {@code after} keeps of {@code designation}. */
    public static DesignationRefused refused(Provider after, Designation designation) {
        DesignationRefusal r = after.refusedDesignations().stream()
                .filter(x -> x.designation() == designation)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(designation + " is not refused"));
        return new DesignationRefused(
                after.updatedAt(),
                after.area(),
                after.id(),
                after.version(),
                after.name(),
                designation.name(),
                r.reason(),
                r.refusedBy());
    }

    /** What changed of the verified designations from {@code before} to {@code after}; empty if nothing did. */
    public static Optional<DesignationsVerified> verified(Provider before, Provider after, String by) {
        List<String> verified = names(after.verifiedDesignations(), before.verifiedDesignations());
        List<String> unverified = names(before.verifiedDesignations(), after.verifiedDesignations());
        if (verified.isEmpty() && unverified.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DesignationsVerified(
                after.updatedAt(), after.area(), after.id(), after.version(), after.name(), verified, unverified, by));
    }

    /** Those of {@code these} not in {@code those}, by name. */
    private static List<String> names(List<Designation> these, List<Designation> those) {
        return these.stream()
                .filter(d -> !those.contains(d))
                .map(Designation::name)
                .toList();
    }
}
