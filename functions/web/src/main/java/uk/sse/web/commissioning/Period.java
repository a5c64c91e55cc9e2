package uk.sse.web.commissioning;

import uk.sse.web.pages.Labels;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period the dashboard reports on, both dates included: a school term, a school year, or dates the commissioner
 * chose. Terms are the commissioning terms: autumn September to December, spring January to March, summer April to
 * August, so the three make the school year (September to August) with no gap.
 */
public record Period(String key, String label, LocalDate from, LocalDate to) {

    private static final Pattern PRESET = Pattern.compile("(autumn|spring|summer|year)-([0-9]{4})");

    /** The term or year a preset key names ({@code autumn-2026}, {@code year-2026} for 2026 to 2027), if it is one. */
    public static Optional<Period> preset(String key) {
        Matcher m = key == null ? null : PRESET.matcher(key);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(2));
        if (year < 2000 || year > 2998) {
            return Optional.empty();
        }
        return Optional.of(switch (m.group(1)) {
            case "autumn" -> new Period(key, "Autumn term " + year, LocalDate.of(year, Month.SEPTEMBER, 1), LocalDate.of(year, Month.DECEMBER, 31));
            case "spring" -> new Period(key, "Spring term " + year, LocalDate.of(year, Month.JANUARY, 1), LocalDate.of(year, Month.MARCH, 31));
            case "summer" -> new Period(key, "Summer term " + year, LocalDate.of(year, Month.APRIL, 1), LocalDate.of(year, Month.AUGUST, 31));
            default -> new Period(key, "School year " + year + " to " + (year + 1), LocalDate.of(year, Month.SEPTEMBER, 1),
                    LocalDate.of(year + 1, Month.AUGUST, 31));
        });
    }

    /** The term {@code day} falls in. */
    public static Period termOf(LocalDate day) {
        String term = day.getMonthValue() >= 9 ? "autumn" : day.getMonthValue() <= 3 ? "spring" : "summer";
        return preset(term + "-" + day.getYear()).orElseThrow();
    }

    /** The school year {@code day} falls in. */
    public static Period yearOf(LocalDate day) {
        return preset("year-" + (day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1)).orElseThrow();
    }

    /** What to choose from: this term and the three before it, this school year and the last. */
    public static List<Period> presets(LocalDate today) {
        List<Period> presets = new ArrayList<>();
        Period term = termOf(today);
        for (int i = 0; i < 4; i++) {
            presets.add(term);
            term = termOf(term.from().minusDays(1));
        }
        Period year = yearOf(today);
        presets.add(year);
        presets.add(yearOf(year.from().minusDays(1)));
        return presets;
    }

    /** Dates the commissioner chose. */
    public static Period custom(LocalDate from, LocalDate to) {
        return new Period("custom", Labels.day(from.toString()) + " to " + Labels.day(to.toString()), from, to);
    }
}
