package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slips of the hand, told from other edits; words that matched nothing, told from words that matched. */
class TyposTest {

    @Test
    void aSlipIsALetterDoubledUndoubledDroppedOrSwapped() {
        assertThat(Typos.slip("bulying", "bullying")).as("undoubled").isTrue();
        assertThat(Typos.slip("bulllying", "bullying")).as("doubled").isTrue();
        assertThat(Typos.slip("attendnce", "attendance")).as("dropped").isTrue();
        assertThat(Typos.slip("safegaurding", "safeguarding")).as("swapped").isTrue();
        assertThat(Typos.slip("acheivement", "achievement")).as("swapped").isTrue();
    }

    @Test
    void otherEditsAreNotSlips() {
        assertThat(Typos.slip("reading", "leading")).as("a letter changed").isFalse();
        assertThat(Typos.slip("trips", "tips"))
                .as("a letter added that doubles nothing")
                .isFalse();
        assertThat(Typos.slip("phonics", "phonics")).as("the same word").isFalse();
        assertThat(Typos.slip("safegaurding", "safeguardings")).as("two edits").isFalse();
        assertThat(Typos.slip("bulying", "bullies")).isFalse();
    }

    @Test
    void unmatchedWordsAreThoseNoHighlightBeginsLike() {
        List<Map<String, Object>> hits = List.of(Map.of(
                "highlight",
                Map.of("description", List.of("Training pupils to spot <em>bullying</em> in <em>school</em>"))));
        // "bullies" matched "bullying" by its stem; "year" is too short to respell; "bulying" matched nothing
        assertThat(Typos.unmatched("Bullies bulying in year 6 schools", hits)).containsExactly("bulying");
        assertThat(Typos.unmatched("bulying", List.of())).containsExactly("bulying");
    }

    @Test
    void theIndexsWordIsTakenOnlyWhenItIsASlip() {
        SearchResponse suggested = new SearchResponse(Map.of(
                "suggest",
                Map.of(
                        Typos.SUGGESTION,
                        List.of(
                                Map.of(
                                        "text",
                                        "bulying",
                                        "options",
                                        List.of(Map.of("text", "burying"), Map.of("text", "bullying"))),
                                Map.of("text", "asbestos", "options", List.of(Map.of("text", "asbestas")))))));
        assertThat(Typos.respellings(suggested)).containsExactly(Map.entry("bulying", "bullying"));
        assertThat(Typos.replace("Tackling BULYING, online", Map.of("bulying", "bullying")))
                .isEqualTo("Tackling bullying, online");
        assertThat(Typos.replace(null, Map.of("bulying", "bullying"))).isNull();
    }

    @Test
    void theIndexIsAskedOnlyForWordsItLacks() {
        Map<?, ?> term = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) Typos.suggestions(List.of("bulying", "safegaurding"))
                                .get("suggest"))
                        .get(Typos.SUGGESTION))
                .get("term");
        assertThat(term.get("suggest_mode")).isEqualTo("missing");
        assertThat(term.get("max_edits")).isEqualTo(1);
    }
}
