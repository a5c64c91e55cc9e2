package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** One test per phrase of the plain-words vocabulary, and how a named need is ranked near. */
class PlainWordsTest {

    /** Words too common in what advisers type to name a need on their own (the file keeps them out). */
    static final Set<String> TOO_COMMON = Set.of(
            "support",
            "help",
            "school",
            "pupil",
            "child",
            "children",
            "kid",
            "staff",
            "teacher",
            "teaching",
            "data",
            "training",
            "need",
            "class",
            "lesson",
            "parent");

    @TestFactory
    Stream<DynamicTest> eachPhraseNamesItsAreaInASentence() {
        return PlainWords.standard().entries().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.code() + ": " + entry.phrase(), () -> {
                    // as an adviser might type it, with other words around it and the first letter capitalised
                    String typed =
                            "Year 4's " + Character.toUpperCase(entry.phrase().charAt(0))
                                    + entry.phrase().substring(1) + " worries the head";
                    assertThat(PlainWords.standard().named(typed)).as(typed).contains(entry.code());
                    assertThat(entry.words())
                            .as("a phrase of one word too common to name a need")
                            .isNotEqualTo(List.of())
                            .matches(words -> words.size() > 1 || !TOO_COMMON.contains(words.get(0)));
                }));
    }

    @Test
    void endingsCaseAndApostrophesAreIgnored() {
        assertThat(PlainWords.words("Kids who WON'T come in; fighting, bullied"))
                .containsExactly("kid", "who", "wont", "come", "in", "fight", "bulli");
        assertThat(PlainWords.standard().named("kids fighting at lunchtimes")).contains("AB.BEH");
        assertThat(PlainWords.standard().named("they won't come to school")).contains("AB.ATT");
    }

    @Test
    void aPhraseMatchesOnlyItsWordsSideBySide() {
        // "in care" is a phrase: care alone (personal care is physical disability's) does not name children in care
        assertThat(PlainWords.standard().named("children in care")).contains("INC.DIS");
        assertThat(PlainWords.standard().named("care plan review")).doesNotContain("INC.DIS");
        assertThat(PlainWords.standard().named("roof asbestos inspection")).isEmpty();
        assertThat(PlainWords.standard().named("")).isEmpty();
    }

    @Test
    void aNamedAreaCountsAsNearAsCanBeAndTheOthersAreUnchanged() {
        Map<String, Double> similarities = new LinkedHashMap<>(Map.of("AB.BEH", 0.31, "CT.MATHS", 0.42, "PDW.MH", 0.2));
        Map<String, Double> raised = PlainWords.standard().raised(similarities, "fights at break time");
        assertThat(raised)
                .containsEntry("AB.BEH", 1.0)
                .containsEntry("CT.MATHS", 0.42)
                .containsEntry("PDW.MH", 0.2);
        assertThat(PlainWords.standard().raised(similarities, "roof asbestos inspection"))
                .isEqualTo(similarities);
        assertThat(similarities).containsEntry("AB.BEH", 0.31);
    }

    @Test
    void theVocabularyNamesOnlyAreasBelowTheTopLevel() {
        assertThat(PlainWords.standard().entries())
                .isNotEmpty()
                .allMatch(e -> e.code().contains("."));
        assertThatThrownBy(() -> new PlainWords(List.of()).named(null)).isInstanceOf(NullPointerException.class);
    }
}
