package uk.sse.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What the pages read from the directory's API (docs/api/directory.yml); fields they do not use are ignored. */
public final class Directory {

    private Directory() {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SchoolHit(
            String urn,
            String name,
            @Nullable String laName,
            @Nullable String phase,
            @Nullable String town,
            @Nullable String postcode,
            @Nullable Boolean open,
            @Nullable String closedOn) {
        /** A school GIAS has closed: found only by its URN (decision 0087). */
        public boolean closed() {
            return Boolean.FALSE.equals(open);
        }

        /** Where it is, to tell apart schools of one name: "Lytham, FY8 4JL". */
        public String place() {
            return String.join(
                    ", ",
                    java.util.stream.Stream.of(town, postcode)
                            .filter(s -> s != null && !s.isBlank())
                            .toList());
        }
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record School(
            String urn,
            String name,
            @Nullable String laCode,
            @Nullable String laName,
            @Nullable String type,
            @Nullable String phase,
            @Nullable String street,
            @Nullable String locality,
            @Nullable String town,
            @Nullable String postcode,
            @Nullable Integer pupils,
            @Nullable Integer statutoryLowAge,
            @Nullable Integer statutoryHighAge,
            @Nullable Double latitude,
            @Nullable Trust trust,
            @Nullable String status,
            @Nullable String closedOn) {
        /** Open unless GIAS says closed (decision 0062); no request is raised for a closed school. */
        public boolean open() {
            return !"Closed".equals(status);
        }

        public List<String> address() {
            return java.util.stream.Stream.of(street, locality, town, postcode)
                    .filter(s -> s != null && !s.isBlank())
                    .toList();
        }

        public boolean located() {
            return latitude != null;
        }

        /** What the school's areas are decided on (decision 0080). */
        public uk.sse.kernel.area.SchoolFacts facts() {
            return new uk.sse.kernel.area.SchoolFacts(urn, laCode, trust == null ? null : trust.code());
        }
    }

    /**
     * An area of the directory's register (decision 0082): its rules say which schools are its members; {@code version}
     * is 0 for an LA's area not yet defined.
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Area(
            String id,
            String name,
            String kind,
            @Nullable List<String> laCodes,
            @Nullable List<String> trustCodes,
            @Nullable List<String> urns,
            boolean schoolsRaiseRequests,
            long version) {
        public boolean isLa() {
            return "LA".equals(kind);
        }
    }

    /** The trust a school is in, by its GIAS code. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trust(@Nullable String code, @Nullable String name) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    /** {@code strongMatches} of the hits meet the words (they come first); {@code noGoodMatch}: words were searched, none met. */
    public record OfferResults(
            long total,
            int page,
            int size,
            @Nullable Long strongMatches,
            @Nullable Boolean noGoodMatch,
            List<OfferHit> hits,
            List<Facet> facets) {

        public static OfferResults none(int size) {
            return new OfferResults(0, 1, size, 0L, false, List.of(), List.of());
        }
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OfferHit(
            String id,
            String title,
            String providerId,
            String providerName,
            @Nullable String providerType,
            @Nullable List<String> areasOfSupport,
            @Nullable List<String> phases,
            @Nullable List<String> deliveryModes,
            @Nullable Long priceCredits,
            @Nullable Double distanceKm,
            @Nullable String reviewDate,
            @Nullable List<String> designations,
            @Nullable Integer completedEngagements,
            @Nullable Double averageImpact,
            @Nullable Map<String, List<String>> highlights,
            @Nullable Boolean remote,
            @Nullable String match) {

        /** Meets the words searched for (every hit of a search without words does). */
        public boolean strong() {
            return !"WEAK".equals(match);
        }
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Facet(String field, List<Count> counts) {
        @Serdeable
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Count(String value, long count) {}
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Offer(
            String id,
            String providerId,
            String providerName,
            @Nullable String providerType,
            @Nullable String area,
            @Nullable List<String> designations,
            Content content,
            String status,
            @Nullable String reviewDate,
            long version,
            @Nullable List<AssuranceRecord> history,
            @Nullable String updatedAt,
            @Nullable List<String> allowedActions) {
        /** What this caller may do to the offer now, as the directory says (none if it said nothing). */
        public List<String> allowedOrNone() {
            return allowedActions == null ? List.of() : allowedActions;
        }
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(
            String title,
            String description,
            List<String> areasOfSupport,
            List<String> phases,
            List<String> deliveryModes,
            @Nullable BigDecimal capacityDaysPerTerm,
            long priceCredits,
            @Nullable Long dayRatePence,
            @Nullable Integer travelRadiusKm,
            @Nullable String availableFrom,
            @Nullable String availableUntil,
            @Nullable Evidence evidence,
            @Nullable Contact contact) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(
            @Nullable String summary, @Nullable List<String> links) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AssuranceRecord(
            @Nullable String action,
            @Nullable String from,
            @Nullable String to,
            @Nullable String at,
            @Nullable String reason,
            @Nullable String reviewDate) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provider(
            String id,
            String type,
            String name,
            String area,
            @Nullable String urn,
            @Nullable Contact contact,
            @Nullable String website,
            @Nullable List<String> designations,
            @Nullable List<String> verifiedDesignations,
            @Nullable String description,
            long version,
            @Nullable String updatedAt,
            @Nullable List<String> allowedActions,
            @Nullable List<Refusal> refusedDesignations) {

        /** What the reader may do to this provider now (the directory's answer; none on listings). */
        public List<String> allowedOrNone() {
            return allowedActions == null ? List.of() : allowedActions;
        }

        /** The claims an assurer refused, which the provider no longer claims. */
        public List<Refusal> refusedOrNone() {
            return refusedDesignations == null ? List.of() : refusedDesignations;
        }
    }

    /** An assurer's refusal of a claimed designation: the provider reads the reason. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Refusal(
            String designation,
            @Nullable String reason,
            @Nullable String refusedAt) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderPage(
            List<Provider> items, @Nullable String next) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OfferPage(List<Offer> items, @Nullable String next) {}
}
