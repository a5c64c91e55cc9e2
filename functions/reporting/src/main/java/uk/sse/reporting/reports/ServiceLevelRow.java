package uk.sse.reporting.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The brokerage's throughput in a month: requests raised, first matched (a first proposal), agreed, completed and
 * cancelled or withdrawn in it, and agreements the ledger refused for want of credits. The times are from raising to
 * agreement (of the requests agreed in the month) and to completion (of those completed in it), in hours: the median
 * and the 90th percentile, interpolated.
 */
@Serdeable
public record ServiceLevelRow(
        @Nullable String month,
        long raised,
        long matched,
        long agreed,
        long completed,
        long cancelled,
        long agreementsRefused,
        @Nullable BigDecimal medianHoursToAgreement,
        @Nullable BigDecimal p90HoursToAgreement,
        @Nullable BigDecimal medianHoursToCompletion,
        @Nullable BigDecimal p90HoursToCompletion)
        implements ReportRow {

    public static final List<String> COLUMNS = List.of(
            "month",
            "raised",
            "matched",
            "agreed",
            "completed",
            "cancelled",
            "agreementsRefused",
            "medianHoursToAgreement",
            "p90HoursToAgreement",
            "medianHoursToCompletion",
            "p90HoursToCompletion");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells() {
        return Arrays.asList(
                month,
                raised,
                matched,
                agreed,
                completed,
                cancelled,
                agreementsRefused,
                medianHoursToAgreement,
                p90HoursToAgreement,
                medianHoursToCompletion,
                p90HoursToCompletion);
    }
}
