package uk.sse.reporting.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A provider's (or, grouped by type, a provider type's) work in the period: engagements agreed and their days, days
 * delivered by engagements completed, credits earned (payments posted to its account), and the ratings given. A
 * provider's type is the directory's; a provider the directory has not described is a SCHOOL if its id is a URN of the
 * register, else UNKNOWN. {@code providers} is 1 per provider, the number of providers in a type row and the total.
 */
@Serdeable
public record ProviderRow(
        @Nullable String providerId,
        @Nullable String name,
        @Nullable String type,
        long providers,
        long engagements,
        BigDecimal daysCommissioned,
        BigDecimal daysDelivered,
        long creditsEarned,
        long schoolRatings,
        @Nullable BigDecimal averageSchoolRating,
        long impactRatings,
        @Nullable BigDecimal averageImpactRating)
        implements ReportRow {

    public static final List<String> COLUMNS = List.of(
            "providerId",
            "name",
            "type",
            "providers",
            "engagements",
            "daysCommissioned",
            "daysDelivered",
            "creditsEarned",
            "schoolRatings",
            "averageSchoolRating",
            "impactRatings",
            "averageImpactRating");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells() {
        return Arrays.asList(
                providerId,
                name,
                type,
                providers,
                engagements,
                daysCommissioned,
                daysDelivered,
                creditsEarned,
                schoolRatings,
                averageSchoolRating,
                impactRatings,
                averageImpactRating);
    }
}
