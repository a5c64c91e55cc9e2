package uk.sse.web.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void theTermsMakeTheSchoolYearWithNoGap() {
        Period year = Period.preset("year-2026").orElseThrow();
        assertThat(year.from()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(year.to()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(Period.termOf(year.from()).to().plusDays(1))
                .isEqualTo(Period.termOf(LocalDate.of(2027, 1, 1)).from());
        assertThat(Period.termOf(LocalDate.of(2027, 3, 31)).to().plusDays(1))
                .isEqualTo(Period.termOf(LocalDate.of(2027, 4, 1)).from());
        assertThat(Period.termOf(LocalDate.of(2027, 8, 31)).to()).isEqualTo(year.to());
    }

    @Test
    void thePresetsAreThisTermAndTheThreeBeforeAndThisYearAndTheLast() {
        assertThat(Period.presets(LocalDate.of(2026, 12, 6)))
                .extracting(Period::key)
                .containsExactly("autumn-2026", "summer-2026", "spring-2026", "autumn-2025", "year-2026", "year-2025");
        assertThat(Period.preset("autumn-2026").orElseThrow().label()).isEqualTo("Autumn term 2026");
    }

    @Test
    void anythingElseIsNoPreset() {
        assertThat(Period.preset("winter-2026")).isEmpty();
        assertThat(Period.preset("autumn-99999")).isEmpty();
        assertThat(Period.preset(null)).isEmpty();
    }
}
