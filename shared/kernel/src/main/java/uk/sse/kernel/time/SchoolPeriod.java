package uk.sse.kernel.time;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commissioning term or a school year of the English school year, both dates included: autumn September to December,
 * spring January to March, summer April to August, so three terms make the school year (September to August) with no
 * gap and no day in two terms (decision 0071). Keyed {@code autumn-2026}, {@code spring-2027}, {@code year-2026} (the
 * school year 2026 to 2027): the key is stable, so it can name a transfer.
 */
public record SchoolPeriod(String key, String label, LocalDate from, LocalDate to) {

    private static final Pattern KEY = Pattern.compile("(autumn|spring|summer|year)-([0-9]{4})");

    /** The term or year {@code key} names, if it is one. */
    public static Optional<SchoolPeriod> of(String key) {
        Matcher m = key == null ? null : KEY.matcher(key);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(2));
        if (year < 2000 || year > 2998) {
            return Optional.empty();
        }
        return Optional.of(
                switch (m.group(1)) {
                    case "autumn" ->
                        new SchoolPeriod(
                                key,
                                "Autumn term " + year,
                                LocalDate.of(year, Month.SEPTEMBER, 1),
                                LocalDate.of(year, Month.DECEMBER, 31));
                    case "spring" ->
                        new SchoolPeriod(
                                key,
                                "Spring term " + year,
                                LocalDate.of(year, Month.JANUARY, 1),
                                LocalDate.of(year, Month.MARCH, 31));
                    case "summer" ->
                        new SchoolPeriod(
                                key,
                                "Summer term " + year,
                                LocalDate.of(year, Month.APRIL, 1),
                                LocalDate.of(year, Month.AUGUST, 31));
                    default ->
                        new SchoolPeriod(
                                key,
                                "School year " + year + " to " + (year + 1),
                                LocalDate.of(year, Month.SEPTEMBER, 1),
                                LocalDate.of(year + 1, Month.AUGUST, 31));
                });
    }

    /** The term {@code day} falls in. */
    public static SchoolPeriod termOf(LocalDate day) {
        String term = day.getMonthValue() >= 9 ? "autumn" : day.getMonthValue() <= 3 ? "spring" : "summer";
        return of(term + "-" + day.getYear()).orElseThrow();
    }

    /** The school year {@code day} falls in. */
    public static SchoolPeriod yearOf(LocalDate day) {
        return of("year-" + (day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1))
                .orElseThrow();
    }

    public boolean isYear() {
        return key.startsWith("year-");
    }

    /** The period just before this one of the same kind: the previous term, or the previous school year. */
    public SchoolPeriod previous() {
        return isYear() ? yearOf(from.minusDays(1)) : termOf(from.minusDays(1));
    }

    /** A year's three terms in order; a term's is itself. */
    public List<SchoolPeriod> terms() {
        if (!isYear()) {
            return List.of(this);
        }
        SchoolPeriod autumn = termOf(from);
        SchoolPeriod spring = termOf(autumn.to().plusDays(1));
        return List.of(autumn, spring, termOf(spring.to().plusDays(1)));
    }
}
