package uk.sse.kernel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The vocabulary file reads as the index reads it; acronyms in a query gain their spelled-out forms for the embedding model. */
class SearchSynonymsTest {

    static final SearchSynonyms STANDARD = SearchSynonyms.standard();

    @Test
    void theIndexDefinitionCarriesEveryRule() {
        String definition = SearchIndices.OFFERS.definition();
        assertThat(definition)
                .doesNotContain("@synonyms.txt")
                .contains("\"phonics, early reading, systematic synthetic phonics, ssp\"");
        assertThat(STANDARD.rules()).hasSizeGreaterThan(100);
        STANDARD.filterRules().forEach(rule -> assertThat(definition).contains('"' + rule + '"'));
        // the typo of the first list ("sssp") is gone
        assertThat(definition).doesNotContain("sssp");
    }

    @Test
    void oneWayRulesAndEquivalences() {
        var wandle = STANDARD.rules().stream()
                .filter(r -> r.from().contains("little wandle"))
                .findFirst()
                .orElseThrow();
        assertThat(wandle.oneWay()).isTrue();
        assertThat(wandle.to()).containsExactly("little wandle", "phonics");
        var ebsa = STANDARD.rules().stream()
                .filter(r -> r.from().contains("ebsa"))
                .findFirst()
                .orElseThrow();
        assertThat(ebsa.oneWay()).isFalse();
        assertThat(ebsa.to()).isEqualTo(ebsa.from()).contains("school refusal");
    }

    @Test
    void acronymsGainTheirMeaningsAndWordsStayAsTheyAre() {
        assertThat(STANDARD.withMeanings("EBSA"))
                .isEqualTo("EBSA (emotionally based school avoidance, school refusal, school avoidance)");
        assertThat(STANDARD.withMeanings("SALT for year 2"))
                .startsWith("SALT for year 2 (speech language and communication needs")
                .contains("speech and language therapy");
        assertThat(STANDARD.withMeanings("fights in the playground")).isEqualTo("fights in the playground");
        // a spelled-out form already typed is not added again
        assertThat(STANDARD.withMeanings("LAC children in care"))
                .doesNotContain("(children in care")
                .contains("looked after children");
        assertThat(STANDARD.withMeanings("phonics"))
                .as("a word, not an acronym")
                .isEqualTo("phonics");
        assertThat(STANDARD.withMeanings("KS1 maths")).isEqualTo("KS1 maths (key stage 1, key stage one)");
        // qualifications and roles the model does not know read as what they are about
        assertThat(STANDARD.withMeanings("QTVI"))
                .isEqualTo("QTVI (qualified teacher of the visually impaired, visual impairment)");
        assertThat(STANDARD.withMeanings("SLT away day"))
                .contains("senior leadership team")
                .doesNotContain("therapy");
    }

    @Test
    void aMalformedRuleFailsLoudly() {
        assertThatThrownBy(() -> SearchSynonyms.parse(List.of("SEMH, social"))).hasMessageContaining("only lower-case");
        assertThatThrownBy(() -> SearchSynonyms.parse(List.of("semh"))).hasMessageContaining("two terms");
        assertThatThrownBy(() -> SearchSynonyms.parse(List.of("a => b => c"))).hasMessageContaining("more than one");
        assertThatThrownBy(() -> SearchSynonyms.parse(List.of("semh, , x"))).hasMessageContaining("empty or repeated");
        assertThat(SearchSynonyms.parse(List.of("# comment", "", "a => a, b")).rules())
                .hasSize(1);
    }
}
