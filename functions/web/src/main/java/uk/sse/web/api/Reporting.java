package uk.sse.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/** What the commissioner's dashboard reads from the reporting API (docs/api/reporting.yml): a report's rows and total. */
public final class Reporting {

    private Reporting() {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Days(
            @Nullable String month,
            @Nullable String area,
            @Nullable String areaLabel,
            long engagementsAgreed,
            BigDecimal daysCommissioned,
            BigDecimal daysDelivered,
            BigDecimal daysCancelled) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record School(
            @Nullable String urn,
            @Nullable String name,
            long schools,
            long engagements,
            BigDecimal daysCommissioned,
            BigDecimal daysDelivered,
            long creditsPosted) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Credits(
            @Nullable String month,
            long allocated,
            long adjusted,
            long held,
            long released,
            long spent,
            long earned,
            long earnedBySchools) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Balance(
            @Nullable String owner,
            @Nullable String name,
            @Nullable String kind,
            long creditsIn,
            long creditsOut,
            long balance,
            long held) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceLevel(
            @Nullable String month,
            long raised,
            long matched,
            long agreed,
            long completed,
            long cancelled,
            @Nullable BigDecimal medianHoursToAgreement,
            @Nullable BigDecimal p90HoursToAgreement) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Impact(
            @Nullable String key,
            @Nullable String label,
            long schoolRatings,
            @Nullable BigDecimal averageSchoolRating,
            long impactRatings,
            @Nullable BigDecimal averageImpactRating) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Waiting(
            @Nullable String urn,
            @Nullable String schoolName,
            @Nullable String urgency,
            @Nullable String raisedAt,
            @Nullable String firstProposedAt,
            long requests,
            @Nullable BigDecimal daysWaiting) {}

    /** A report of the area over the period: its rows, in the report's order, and its total. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report<R>(
            String report,
            String from,
            String to,
            List<R> rows,
            @Nullable R total) {}
}
