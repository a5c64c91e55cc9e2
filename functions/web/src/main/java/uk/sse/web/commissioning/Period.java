package uk.sse.web.commissioning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.sse.kernel.time.SchoolPeriod;
import uk.sse.web.pages.Labels;

/**
 * A period the dashboard reports on, both dates included: a school term, a school year, or dates the commissioner
 * chose. Terms are the commissioning terms: autumn September to December, spring January to March, summer April to
 * August, so the three make the school year (September to August) with no gap: the kernel's {@link SchoolPeriod}.
 */
public record Period(String key, String label, LocalDate from, LocalDate to) {

    /** The term or year a preset key names ({@code autumn-2026}, {@code year-2026} for 2026 to 2027), if it is one. */
    public static Optional<Period> preset(String key) {
        return SchoolPeriod.of(key).map(Period::of);
    }

    /** The term {@code day} falls in. */
    public static Period termOf(LocalDate day) {
        return of(SchoolPeriod.termOf(day));
    }

    /** The school year {@code day} falls in. */
    public static Period yearOf(LocalDate day) {
        return of(SchoolPeriod.yearOf(day));
    }

    private static Period of(SchoolPeriod p) {
        return new Period(p.key(), p.label(), p.from(), p.to());
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
