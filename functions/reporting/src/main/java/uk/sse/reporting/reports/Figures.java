package uk.sse.reporting.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures are shown: days and averages to two decimal places, hours to one, half up. */
public final class Figures {

    private Figures() {}

    public static BigDecimal days(BigDecimal exact) {
        return exact == null ? BigDecimal.ZERO.setScale(2) : exact.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code sum / count} to two places, or null when nothing was counted. */
    public static BigDecimal average(long sum, long count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /** Hours (a percentile from the database) to one place, or null. */
    public static BigDecimal hours(Double hours) {
        return hours == null ? null : BigDecimal.valueOf(hours).setScale(1, RoundingMode.HALF_UP);
    }
}
