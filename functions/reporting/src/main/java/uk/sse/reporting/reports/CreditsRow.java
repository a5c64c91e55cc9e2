package uk.sse.reporting.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;

/**
 * Credits that moved in a month, by what moved them: allocations and adjustments posted, holds placed ({@code held})
 * and the part of holds released unspent when they were voided or posted short ({@code released}), payments posted out
 * of accounts ({@code spent}) and into them ({@code earned}, of which {@code earnedBySchools} into schools' accounts).
 */
@Serdeable
public record CreditsRow(
        @Nullable String month,
        long allocated,
        long adjusted,
        long held,
        long released,
        long spent,
        long earned,
        long earnedBySchools)
        implements ReportRow {

    public static final List<String> COLUMNS =
            List.of("month", "allocated", "adjusted", "held", "released", "spent", "earned", "earnedBySchools");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells() {
        return Arrays.asList(month, allocated, adjusted, held, released, spent, earned, earnedBySchools);
    }
}
