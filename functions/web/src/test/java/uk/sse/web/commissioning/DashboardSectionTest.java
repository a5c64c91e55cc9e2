package uk.sse.web.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DashboardSectionTest {

    private static CommissioningPages.Section withRows(int n) {
        List<List<String>> rows = IntStream.range(0, n)
                .mapToObj(i -> List.of("School " + i, Integer.toString(i)))
                .toList();
        return new CommissioningPages.Section(
                "waiting",
                "Requests waiting",
                "",
                null,
                List.of("School", "Days waiting"),
                rows,
                "/dashboard/waiting.csv",
                "None");
    }

    @Test
    void aLongTableShowsItsFirstRowsAndCountsTheRest() {
        var section = withRows(2108);
        assertThat(section.shownRows())
                .hasSize(CommissioningPages.Section.SHOWN)
                .first()
                .isEqualTo(List.of("School 0", "0"));
        assertThat(section.notShown()).isEqualTo(2108 - CommissioningPages.Section.SHOWN);
    }

    @Test
    void aShortTableShowsEveryRow() {
        var section = withRows(CommissioningPages.Section.SHOWN);
        assertThat(section.shownRows()).hasSize(CommissioningPages.Section.SHOWN);
        assertThat(section.notShown()).isZero();
    }
}
