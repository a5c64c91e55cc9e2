package uk.sse.reporting.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A school supported in the period: one with an engagement agreed in it that was not then cancelled or withdrawn. The
 * figures are those engagements': how many, days agreed, days delivered and credits posted so far. {@code schools} is 1
 * here and the number of distinct schools in the total.
 */
@Serdeable
public record SchoolRow(
        @Nullable String urn,
        @Nullable String name,
        @Nullable String laCode,
        @Nullable String laName,
        @Nullable String phase,
        long schools,
        long engagements,
        BigDecimal daysCommissioned,
        BigDecimal daysDelivered,
        long creditsPosted)
        implements ReportRow {

    public static final List<String> COLUMNS = List.of(
            "urn",
            "name",
            "laCode",
            "laName",
            "phase",
            "schools",
            "engagements",
            "daysCommissioned",
            "daysDelivered",
            "creditsPosted");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells() {
        return Arrays.asList(
                urn, name, laCode, laName, phase, schools, engagements, daysCommissioned, daysDelivered, creditsPosted);
    }
}
