package uk.sse.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.Phase;
import uk.sse.local.demo.DemoDirectory;

/** The relevance set is large enough, a third of it held aside, and grades only offers the demo directory has. */
class RelevanceSetTest {

    static final RelevanceSet SET = RelevanceSet.standard();

    @Test
    void atLeastTwoHundredAndFortyQueriesOfEveryKindWithAThirdHeldAside() {
        assertThat(SET.queries()).hasSizeGreaterThanOrEqualTo(240);
        long check = SET.queries().stream()
                .filter(q -> q.part() == RelevanceSet.Part.CHECK)
                .count();
        assertThat((double) check / SET.queries().size()).isBetween(0.3, 0.36);
        assertThat(SET.queries())
                .extracting(RelevanceSet.Query::kind)
                .contains("typo", "acronym", "jargon", "plain", "no-answer", "filter", "near", "phase");
        assertThat(SET.queries().stream().filter(RelevanceSet.Query::noAnswer)).hasSizeGreaterThanOrEqualTo(20);
        // every answered query names something worth a 3
        assertThat(SET.queries().stream().filter(q -> !q.noAnswer()))
                .allSatisfy(q -> assertThat(q.grades().get(0).grade()).isEqualTo(3));
    }

    @Test
    void everyGradedKeyIsAnOfferKeyAndEveryAnsweredQueryHasAVisibleAnswer() {
        DemoDirectory demo = DemoDirectory.generate(DemoDirectory.sampleSchools(), LocalDate.of(2026, 11, 23), 2026);
        Set<String> keys = DemoDirectory.offerKeys();
        Set<String> visibleKeys = demo.offers().stream()
                .filter(o -> o.visibleToAdvisers(LocalDate.of(2026, 11, 23)))
                .map(o -> demo.keyOf(o.id()).orElseThrow())
                .collect(Collectors.toSet());
        assertThat(keys).containsAll(SET.keys());
        assertThat(SET.queries().stream().filter(q -> !q.noAnswer()))
                .allSatisfy(q -> assertThat(q.grades())
                        .as(q.id())
                        .anyMatch(g -> g.grade() == 3 && visibleKeys.contains(g.key())));
    }

    @Test
    void anOfferTakesTheHighestGradeOfTheLinesThatNameItAndItsPhases() {
        var set = RelevanceSet.parse(List.of(
                "id: a",
                "q: behaviour",
                "kind: near",
                "set: tune",
                "3: culture[SECONDARY,ALL_THROUGH]",
                "2: culture handling[SECONDARY]",
                "1: handling"));
        var q = set.queries().get(0);
        assertThat(q.grade("culture", Set.of(Phase.PRIMARY, Phase.ALL_THROUGH))).isEqualTo(3);
        assertThat(q.grade("culture", Set.of(Phase.PRIMARY))).isEqualTo(2);
        assertThat(q.grade("handling", Set.of(Phase.SECONDARY))).isEqualTo(2);
        assertThat(q.grade("handling", Set.of(Phase.PRIMARY))).isEqualTo(1);
        assertThat(q.grade("other", Set.of(Phase.SECONDARY))).isZero();
        assertThat(q.noAnswer()).isFalse();
        var post16 = RelevanceSet.parse(List.of("id: d", "q: x", "kind: phase", "set: tune", "3: resits[POST_16]"))
                .queries()
                .get(0);
        assertThat(post16.grade("resits", Set.of(Phase.POST_16))).isEqualTo(3);
        assertThat(post16.grade("resits", Set.of(Phase.SECONDARY))).isZero();
        // a near-duplicate no line grades takes its class's grade; one graded keeps its own
        var classes = RelevanceSet.parse(List.of(
                "same: culture visits",
                "",
                "id: b",
                "q: behaviour",
                "kind: plain",
                "set: tune",
                "3: culture[SECONDARY]",
                "1: handling",
                "",
                "id: c",
                "q: x",
                "kind: plain",
                "set: tune",
                "2: culture",
                "1: visits"));
        assertThat(classes.queries().get(0).grade("visits", Set.of(Phase.SECONDARY)))
                .isEqualTo(3);
        assertThat(classes.queries().get(0).grade("visits", Set.of(Phase.PRIMARY)))
                .isZero();
        assertThat(classes.queries().get(1).grade("visits", Set.of(Phase.PRIMARY)))
                .isEqualTo(1);
        assertThatThrownBy(() -> RelevanceSet.parse(List.of("id: a", "q: x", "kind: plain")))
                .hasMessageContaining("needs id, q, kind and set");
        assertThatThrownBy(
                        () -> RelevanceSet.parse(List.of("id: a", "q: x", "kind: plain", "set: tune", "3: Not_A_Key")))
                .hasMessageContaining("not an offer key");
    }

    @Test
    void theMeasuresAreTheUsualOnes() {
        // a perfect ranking
        assertThat(Metrics.ndcg(List.of(3, 2, 1), List.of(1, 3, 2), 10)).isEqualTo(1.0);
        assertThat(Metrics.recall(List.of(3, 2, 0), List.of(3, 2), 20)).isEqualTo(1.0);
        assertThat(Metrics.reciprocalRank(List.of(0, 1, 2))).isEqualTo(1.0 / 3);
        // the best offer second: DCG = 3/log2(3) + 7 = 8.893 over 7 + 3/log2(3) + ... = 7 + 1.893
        assertThat(Metrics.ndcg(List.of(2, 3), List.of(3, 2), 10))
                .isCloseTo(
                        (3 + 7 / (Math.log(3) / Math.log(2))) / (7 + 3 / (Math.log(3) / Math.log(2))),
                        org.assertj.core.data.Offset.offset(1e-9));
        // recall counts grades of 2 and more, over at most k
        assertThat(Metrics.recall(List.of(1, 1, 2), List.of(3, 2, 1, 1), 20)).isEqualTo(0.5);
        assertThat(Metrics.recall(List.of(2, 2), java.util.Collections.nCopies(30, 3), 2))
                .isEqualTo(1.0);
        assertThat(Metrics.reciprocalRank(List.of(1, 0))).isZero();
        assertThat(Metrics.ndcg(List.of(0), List.of(), 10)).isZero();
    }

    @Test
    void offersWithoutAKeyAreNeverGraded() {
        DemoDirectory demo = DemoDirectory.generate(DemoDirectory.sampleSchools(), LocalDate.of(2026, 11, 23), 2026);
        assertThat(demo.offers())
                .extracting(Offer::id)
                .allMatch(id -> demo.keyOf(id).isPresent());
    }
}
