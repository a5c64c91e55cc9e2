package uk.sse.directory.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Postcodes however they are typed, and only postcodes. */
class PostcodeTest {

    @Test
    void everyFormOfUkPostcodeInAnyCaseAndSpacing() {
        for (String[] typed : new String[][] {
            {"pr2 1pd", "PR2 1PD"},
            {"PR21PD", "PR2 1PD"},
            {"  PR2   1PD ", "PR2 1PD"},
            {"sw1a1aa", "SW1A 1AA"},
            {"W1A 0AX", "W1A 0AX"},
            {"EC1A 1BB", "EC1A 1BB"},
            {"M1 1AE", "M1 1AE"},
            {"B33 8TH", "B33 8TH"},
            {"CR2 6XH", "CR2 6XH"},
            {"DN55 1PT", "DN55 1PT"},
            {"wc1h\t8el", "WC1H 8EL"}
        }) {
            assertThat(Postcode.parse(typed[0])).as(typed[0]).get().hasToString(typed[1]);
        }
        Postcode p = Postcode.parse("pr2 1pd").orElseThrow();
        assertThat(p.sector()).isEqualTo("PR2 1");
        assertThat(p.unit()).isEqualTo("PD");
        assertThat(p.outward()).isEqualTo("PR2");
    }

    @Test
    void anythingElseIsNotAPostcode() {
        for (String bad : List.of(
                "",
                " ",
                "PR2",
                "1PD",
                "PR2 1P",
                "PR2 1PDX",
                "ABC 123",
                "P 1PD",
                "PR22 11PD",
                "12 3AB",
                "PR2-1PD",
                "PR2 1PD;",
                "ＰＲ2 1PD",
                "PR2 1P\u0000D",
                "x".repeat(25),
                "pr2 1pd".repeat(3))) {
            assertThat(Postcode.parse(bad)).as(bad).isEmpty();
        }
        assertThat(Postcode.parse(null)).isEmpty();
    }

    @Property(tries = 300)
    void typedAnyWayItReadsTheSame(
            @ForAll("postcodes") String canonical, @ForAll("spacing") String gap, @ForAll boolean lower) {
        String outward = canonical.substring(0, canonical.indexOf(' '));
        String inward = canonical.substring(canonical.indexOf(' ') + 1);
        String typed = gap
                + (lower ? outward.toLowerCase(Locale.ROOT) : outward)
                + gap
                + (lower ? inward.toLowerCase(Locale.ROOT) : inward)
                + gap;
        assertThat(Postcode.parse(typed)).get().hasToString(canonical);
    }

    @Provide
    Arbitrary<String> postcodes() {
        Arbitrary<String> area =
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(2);
        Arbitrary<String> district = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofLength(1),
                Arbitraries.strings().numeric().ofLength(2),
                Combinators.combine(
                                Arbitraries.strings().numeric().ofLength(1),
                                Arbitraries.strings().withCharRange('A', 'Z').ofLength(1))
                        .as(String::concat));
        Arbitrary<String> inward = Combinators.combine(
                        Arbitraries.strings().numeric().ofLength(1),
                        Arbitraries.strings().withCharRange('A', 'Z').ofLength(2))
                .as(String::concat);
        return Combinators.combine(area, district, inward).as((a, d, i) -> a + d + " " + i);
    }

    @Provide
    Arbitrary<String> spacing() {
        return Arbitraries.of("", " ", "  ", "\t");
    }
}
