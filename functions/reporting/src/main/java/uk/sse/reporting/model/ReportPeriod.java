package uk.sse.reporting.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Dates {@code from} to {@code to}, both included, as days of {@code zone}'s calendar: the instants [start, end). */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    public ReportPeriod {
        if (from == null || to == null || zone == null || to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "a period runs from a date to the same or a later one: " + from + " to " + to);
        }
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Every month the period touches, first to last, as {@code yyyy-MM}. */
    public List<String> months() {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }
}
