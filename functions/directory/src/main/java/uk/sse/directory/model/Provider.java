package uk.sse.directory.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An organisation that offers support. A school provider's id is its URN, so a school's token (whose
 * organisation claim is its URN) is the provider's own; other providers get a generated id. {@code designations}
 * are what the provider claims; {@code verifiedDesignations} those of its claims an assurer of its area has checked,
 * and only these are shown on its offers and weighed by search; {@code refusedDesignations} the claims an assurer
 * refused, with why, by whom and when: a refused claim is no longer claimed, and claiming it again drops its refusal.
 */
public record Provider(
        String id,
        ProviderType type,
        String name,
        String area,
        String urn,
        Contact contact,
        String website,
        List<Designation> designations,
        List<Designation> verifiedDesignations,
        List<DesignationRefusal> refusedDesignations,
        GeoPoint location,
        String description,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Provider {
        designations = designations == null ? List.of() : List.copyOf(designations);
        List<Designation> claimed = designations;
        // a verification lasts only while the claim does
        verifiedDesignations = verifiedDesignations == null
                ? List.of()
                : verifiedDesignations.stream()
                        .filter(claimed::contains)
                        .distinct()
                        .toList();
        // a refusal stands while the designation is not claimed again; the latest refusal of each designation
        Map<Designation, DesignationRefusal> refused = new LinkedHashMap<>();
        if (refusedDesignations != null) {
            refusedDesignations.stream()
                    .filter(r -> !claimed.contains(r.designation()))
                    .forEach(r -> {
                        refused.remove(r.designation());
                        refused.put(r.designation(), r);
                    });
        }
        refusedDesignations = List.copyOf(refused.values());
    }

    /** A provider without refused claims (as registered). */
    public Provider(
            String id,
            ProviderType type,
            String name,
            String area,
            String urn,
            Contact contact,
            String website,
            List<Designation> designations,
            List<Designation> verifiedDesignations,
            GeoPoint location,
            String description,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                type,
                name,
                area,
                urn,
                contact,
                website,
                designations,
                verifiedDesignations,
                List.of(),
                location,
                description,
                version,
                createdAt,
                updatedAt);
    }

    /** The next version, with these claims, verifications and refusals, changed at {@code now}. */
    public Provider nextWithDesignations(
            List<Designation> claimed, List<Designation> verified, List<DesignationRefusal> refused, Instant now) {
        return new Provider(
                id,
                type,
                name,
                area,
                urn,
                contact,
                website,
                claimed,
                verified,
                refused,
                location,
                description,
                version + 1,
                createdAt,
                now);
    }
}
