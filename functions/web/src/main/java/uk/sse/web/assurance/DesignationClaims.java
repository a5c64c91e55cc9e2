package uk.sse.web.assurance;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import uk.sse.web.api.Directory;

/**
 * The designation claims an assurer must verify: each designation a provider claims that no assurer has verified yet,
 * the longest waiting first (a claim waits from the provider's last change, the only time the directory keeps), and
 * never the assurer's own organisation's, which the directory would refuse them.
 */
public final class DesignationClaims {

    private DesignationClaims() {}

    /** One designation one provider claims, not verified. */
    public record Claim(Directory.Provider provider, String designation) {}

    public static List<Claim> waiting(List<Directory.Provider> providers, String ownOrganisation) {
        return providers.stream()
                .filter(p -> !Objects.equals(p.id(), ownOrganisation))
                .sorted(Comparator.comparing((Directory.Provider p) -> p.updatedAt() == null ? "" : p.updatedAt())
                        .thenComparing(Directory.Provider::name))
                .flatMap(p -> unverified(p).stream().map(d -> new Claim(p, d)))
                .toList();
    }

    public static List<String> unverified(Directory.Provider p) {
        List<String> verified = p.verifiedDesignations() == null ? List.of() : p.verifiedDesignations();
        return p.designations() == null
                ? List.of()
                : p.designations().stream()
                        .filter(d -> !verified.contains(d))
                        .distinct()
                        .toList();
    }
}
