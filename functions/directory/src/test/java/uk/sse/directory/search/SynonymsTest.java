package uk.sse.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.sse.kernel.search.SearchIndices;
import uk.sse.kernel.search.SearchSynonyms;

/**
 * One test per synonym rule, through the offers index's own analysers: an offer titled with any term a rule maps to is
 * found by each term it maps from, and a one-way rule does not work backwards.
 */
@MicronautTest(environments = "test")
class SynonymsTest extends SearchTest {

    @Inject
    TestIndices indices;

    Map<String, List<String>> found;

    @BeforeAll
    void load() {
        indices.create(SearchIndices.OFFERS, offersIndex);
        Set<String> terms = new LinkedHashSet<>();
        SearchSynonyms.standard().rules().forEach(rule -> {
            terms.addAll(rule.from());
            terms.addAll(rule.to());
        });
        terms.add("key stage 2 maths");
        terms.add("visual arts");
        indices.put(
                offersIndex,
                "id",
                terms.stream()
                        .map(term -> Map.<String, Object>of("id", term, "title", term))
                        .toList());
        found = indices.idsMatching(offersIndex, "title", terms);
    }

    @TestFactory
    Stream<DynamicTest> eachRuleFindsWhatItMapsTo() {
        return SearchSynonyms.standard().rules().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.line(), () -> {
                    for (String from : rule.from()) {
                        assertThat(titled(from)).as("'%s' finds", from).containsAll(rule.to());
                    }
                    if (rule.oneWay()) {
                        for (String to : rule.to().stream()
                                .filter(t -> !rule.from().contains(t))
                                .toList()) {
                            // backwards it finds only what shares a word with it ("phonics" finds "jolly phonics" as
                            // any word would)
                            List<String> unrelated = rule.from().stream()
                                    .filter(f -> java.util.Collections.disjoint(words(f), words(to)))
                                    .toList();
                            assertThat(titled(to))
                                    .as("'%s' must not find (one way)", to)
                                    .noneMatch(unrelated::contains);
                        }
                    }
                }));
    }

    @Test
    void neighboursAreNotSynonyms() {
        // a key stage is not its neighbour, SEN-type acronyms are not each other, phase words are not the whole
        // directory
        assertThat(titled("ks1")).doesNotContain("ks2", "key stage 2", "key stage 2 maths");
        assertThat(titled("ks2")).contains("key stage 2 maths").doesNotContain("ks1", "ks3");
        assertThat(titled("mld")).doesNotContain("sld", "pmld");
        assertThat(titled("vi")).doesNotContain("visual arts");
        assertThat(titled("phonics")).doesNotContain("little wandle", "read write inc");
        // an acronym with two meanings in schools keeps to the one the file gives it: SLT the senior leadership team,
        // SALT the therapy; the qualifications for one sense do not reach the others
        assertThat(titled("slt"))
                .contains("senior leadership team")
                .doesNotContain("speech and language therapy", "salt");
        assertThat(titled("salt"))
                .contains("speech and language therapy")
                .doesNotContain("senior leadership team", "slt");
        assertThat(titled("qtvi")).contains("visual impairment").doesNotContain("hearing impairment", "msi");
        assertThat(titled("qthi")).contains("hearing impairment").doesNotContain("visual impairment", "msi");
        assertThat(titled("fs1")).contains("nursery").doesNotContain("reception", "fs2");
        assertThat(titled("lks2")).doesNotContain("uks2", "upper key stage 2");
    }

    private static List<String> words(String term) {
        return List.of(term.split(" "));
    }

    /** The offers (titled each with one term) that a search of the title for this term finds. */
    private List<String> titled(String term) {
        return found.computeIfAbsent(
                term, t -> indices.idsMatching(offersIndex, "title", List.of(t)).get(t));
    }
}
