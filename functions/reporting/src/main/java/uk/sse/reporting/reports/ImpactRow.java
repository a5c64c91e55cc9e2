package uk.sse.reporting.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Ratings given in the period, 1 to 5: the schools' ratings of the support and the advisers' ratings of its impact, by
 * area of support ({@code key} a taxonomy code; a rating counts under each of its request's areas) or by provider.
 */
@Serdeable
public record ImpactRow(
        @Nullable String key,
        @Nullable String label,
        long schoolRatings,
        @Nullable BigDecimal averageSchoolRating,
        long impactRatings,
        @Nullable BigDecimal averageImpactRating)
        implements ReportRow {

    public static final List<String> COLUMNS =
            List.of("key", "label", "schoolRatings", "averageSchoolRating", "impactRatings", "averageImpactRating");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells() {
        return Arrays.asList(key, label, schoolRatings, averageSchoolRating, impactRatings, averageImpactRating);
    }
}
