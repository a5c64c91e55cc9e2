package uk.sse.directory.model;

import java.time.Instant;
import java.util.List;

/**
 * An organisation that offers support. A school provider's id is its URN, so a school's token (whose
 * organisation claim is its URN) is the provider's own; other providers get a generated id. {@code designations}
 * are what the provider claims; {@code verifiedDesignations} those of its claims an assurer of its area has checked,
 * and only these are shown on its offers and weighed by search.
 */
public record Provider(String id, ProviderType type, String name, String area, String urn, Contact contact,
                       String website, List<Designation> designations, List<Designation> verifiedDesignations,
                       GeoPoint location, String description, long version, Instant createdAt, Instant updatedAt) {

    public Provider {
        designations = designations == null ? List.of() : List.copyOf(designations);
        List<Designation> claimed = designations;
        // a verification lasts only while the claim does
        verifiedDesignations = verifiedDesignations == null ? List.of()
                : verifiedDesignations.stream().filter(claimed::contains).distinct().toList();
    }
}
