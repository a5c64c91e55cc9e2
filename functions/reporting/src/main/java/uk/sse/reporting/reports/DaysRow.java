package uk.sse.reporting.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Days of support in a month under one area of support. An engagement's days are shared equally between its request's
 * areas, so the areas add up to the whole; {@code engagementsAgreed} counts it in each. Commissioned days are those
 * agreed in the month, delivered those completed in it, cancelled those agreed and then cancelled or withdrawn in it.
 * At the top level {@code area} is the top-level area itself.
 */
@Serdeable
public record DaysRow(
        @Nullable String month,
        @Nullable String area,
        @Nullable String areaLabel,
        @Nullable String topArea,
        @Nullable String topAreaLabel,
        long engagementsAgreed,
        BigDecimal daysCommissioned,
        BigDecimal daysDelivered,
        BigDecimal daysCancelled)
        implements ReportRow {

    public static final List<String> COLUMNS = List.of(
            "month",
            "area",
            "areaLabel",
            "topArea",
            "topAreaLabel",
            "engagementsAgreed",
            "daysCommissioned",
            "daysDelivered",
            "daysCancelled");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells() {
        return Arrays.asList(
                month,
                area,
                areaLabel,
                topArea,
                topAreaLabel,
                engagementsAgreed,
                daysCommissioned,
                daysDelivered,
                daysCancelled);
    }
}
