package uk.sse.kernel.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private static final Taxonomy TAXONOMY = Taxonomy.standard();
    private static final List<String> CODES =
            TAXONOMY.terms().stream().map(Term::code).toList();

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.of(CODES);
    }

    @Test
    void theTopLevelIsExactlyTheEightReportCardAreas() {
        Set<String> top = TAXONOMY.terms().stream()
                .filter(t -> t.parent() == null)
                .map(Term::code)
                .collect(Collectors.toSet());
        assertThat(top).containsExactlyInAnyOrder("INC", "CT", "ACH", "AB", "PDW", "LG", "EY", "SF");
    }

    @Test
    void codesAreUniqueUpperCaseAndDotted() {
        assertThat(CODES).doesNotHaveDuplicates().isNotEmpty();
        assertThat(CODES).allSatisfy(code -> assertThat(code).matches("[A-Z]+(\\.[A-Z0-9]+)*"));
    }

    @Test
    void everyTermHasALabel() {
        assertThat(TAXONOMY.terms()).allSatisfy(t -> assertThat(t.label()).isNotBlank());
    }

    @Test
    void everyParentExistsAndIsOneLevelUp() {
        for (Term term : TAXONOMY.terms()) {
            if (term.parent() == null) {
                assertThat(term.depth()).as(term.code()).isZero();
                assertThat(term.code()).doesNotContain(".");
            } else {
                Term parent = TAXONOMY.find(term.parent())
                        .orElseThrow(() -> new AssertionError("no parent for " + term.code()));
                assertThat(parent.depth()).as(term.code()).isEqualTo(term.depth() - 1);
                assertThat(term.code()).startsWith(parent.code() + ".");
                assertThat(term.code().substring(parent.code().length() + 1)).doesNotContain(".");
            }
        }
    }

    @Test
    void allElevenGiasSendCodesSitUnderSend() {
        List<String> gias = List.of("SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD");
        for (String need : gias) {
            assertThat(TAXONOMY.find("INC.SEND." + need))
                    .as(need)
                    .hasValueSatisfying(t -> assertThat(t.parent()).isEqualTo("INC.SEND"));
        }
        assertThat(TAXONOMY.subtree("INC.SEND")).hasSize(1 + gias.size());
    }

    /** Every pair (57 x 57), so that siblings such as CT.PE and CT.PED are always tried. */
    @Property(generation = GenerationMode.EXHAUSTIVE)
    void aSubtreeHoldsTheCodeAndExactlyItsDescendants(@ForAll("codes") String a, @ForAll("codes") String b) {
        boolean descendantOrSelf = b.equals(a) || b.startsWith(a + ".");
        assertThat(TAXONOMY.subtree(a).contains(b))
                .as("%s in subtree(%s)", b, a)
                .isEqualTo(descendantOrSelf);
    }

    @Property
    void aSubtreeHoldsOnlyKnownCodes(@ForAll("codes") String code) {
        assertThat(TAXONOMY.subtree(code))
                .contains(code)
                .allSatisfy(c -> assertThat(TAXONOMY.isKnown(c)).isTrue());
    }

    @Property
    void aLineageRunsFromATopLevelCodeDownToTheCodeOneLevelAtATime(@ForAll("codes") String code) {
        List<String> lineage = TAXONOMY.lineage(code);
        assertThat(lineage).endsWith(code);
        assertThat(TAXONOMY.find(lineage.get(0)))
                .hasValueSatisfying(top -> assertThat(top.parent()).isNull());
        assertThat(lineage).hasSize(TAXONOMY.find(code).orElseThrow().depth() + 1);
        for (int i = 1; i < lineage.size(); i++) {
            assertThat(TAXONOMY.find(lineage.get(i)).orElseThrow().parent()).isEqualTo(lineage.get(i - 1));
        }
    }

    @Test
    void aCodeThatMerelyBeginsWithAnotherIsNotItsDescendant() {
        // PE (physical education) and PED (teaching and instruction) are siblings
        assertThat(TAXONOMY.subtree("CT.PE")).containsExactly("CT.PE");
        assertThat(TAXONOMY.lineage("CT.PED")).containsExactly("CT", "CT.PED");
    }

    @Test
    void unknownCodesHaveNoSubtreeNoLineageAndAreNotKnown() {
        for (String unknown : new String[] {"XX", "CT.", "ct.read", "CT.READ.", "INC.SEND.DYSLEXIA", "", "C"}) {
            assertThat(TAXONOMY.subtree(unknown)).as(unknown).isEmpty();
            assertThat(TAXONOMY.lineage(unknown)).as(unknown).isEmpty();
            assertThat(TAXONOMY.isKnown(unknown)).as(unknown).isFalse();
            assertThat(TAXONOMY.find(unknown)).as(unknown).isEmpty();
        }
        assertThat(TAXONOMY.subtree(null)).isEmpty();
        assertThat(TAXONOMY.isKnown(null)).isFalse();
        assertThat(TAXONOMY.find(null)).isEmpty();
    }

    @Test
    void theTaxonomyCannotBeChangedFromOutside() {
        int before = TAXONOMY.terms().size();
        try {
            TAXONOMY.terms().clear();
        } catch (UnsupportedOperationException expected) {
            // the only acceptable answer
        }
        assertThat(TAXONOMY.terms()).hasSize(before);
    }
}
