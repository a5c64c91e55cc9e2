package uk.sse.web.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AllocationSheetTest {

    @Test
    void aGoodSheetWithAHeaderIsReadLineByLine() {
        var read = AllocationSheet.read("URN,amount\n100000,30\r\n\n100001, 20\n");
        assertThat(read.good()).isTrue();
        assertThat(read.lines())
                .containsExactly(new AllocationSheet.Line(2, "100000", 30), new AllocationSheet.Line(4, "100001", 20));
        assertThat(read.total()).isEqualTo(50);
    }

    @Test
    void everyBadLineIsNamedWithItsNumberAndWhy() {
        var read = AllocationSheet.read("100000,30\n12AB,5\n100001,0\n100000,10\n100002\n100003,2.5\n\"100004\",7\n");
        assertThat(read.good()).isFalse();
        assertThat(read.problems().stream().map(AllocationSheet.Problem::message))
                .containsExactly(
                        "Line 2: \"12AB\" is not a URN: a URN is 6 or 7 digits",
                        "Line 3: \"0\" is not an amount: give a whole number of credits from 1 to 1,000,000,000",
                        "Line 4: URN 100000 is already on line 1. Give each school one line",
                        "Line 5: must have 2 values, a URN and an amount, but has 1",
                        "Line 6: \"2.5\" is not an amount: give a whole number of credits from 1 to 1,000,000,000");
        assertThat(read.lines()).extracting(AllocationSheet.Line::urn).containsExactly("100000", "100004");
    }

    @Test
    void anEmptySheetOrOneThatIsNotCsvIsRefusedAsAWhole() {
        assertThat(AllocationSheet.read("  \n\n").problems())
                .extracting(AllocationSheet.Problem::number)
                .containsExactly(0L);
        assertThat(AllocationSheet.read("100000,\"30\n").good()).isFalse();
    }

    @Property(tries = 200)
    void anyWellFormedSheetIsReadBackExactly(
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 1, max = 1_000_000_000L) Long> amounts) {
        StringBuilder csv = new StringBuilder("urn,amount\n");
        for (int i = 0; i < amounts.size(); i++) {
            csv.append(100000 + i).append(',').append(amounts.get(i)).append('\n');
        }
        var read = AllocationSheet.read(csv.toString());
        assertThat(read.problems()).isEmpty();
        assertThat(read.lines().stream().map(AllocationSheet.Line::amount).collect(Collectors.toList()))
                .isEqualTo(amounts);
        assertThat(read.lines())
                .extracting(AllocationSheet.Line::number)
                .first()
                .isEqualTo(2L);
    }
}
