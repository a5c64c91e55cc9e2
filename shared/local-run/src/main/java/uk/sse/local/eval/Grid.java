package uk.sse.local.eval;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Phase;
import uk.sse.directory.search.OfferResults;
import uk.sse.directory.search.OfferSearchParameters;
import uk.sse.directory.search.RankingSettings;
import uk.sse.directory.search.SearchOffers;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.local.LocalStack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./run eval-search --grid}: the tuning queries under many ranking settings at once, each through the directory's
 * own {@link SearchOffers} made with those settings (the API's code, without the HTTP around it), ordered by how well they
 * do. For choosing settings on the tuning set only; the figures to report are the API's ({@code ./run eval-search}).
 */
final class Grid {

    private Grid() { }

    static void run(LocalStack stack, SearchEvaluation evaluation, RelevanceSet set) throws Exception {
        JsonMapper json = stack.context().getBean(JsonMapper.class);
        List<RelevanceSet.Query> tune = set.queries().stream().filter(q -> q.part() == RelevanceSet.Part.TUNE).toList();
        List<String> rows = new ArrayList<>();
        for (RankingSettings settings : settings()) {
            SearchOffers search = stack.context().getBean(SearchOffers.class).rankingBy(settings);
            List<SearchEvaluation.Result> results = new ArrayList<>();
            for (RelevanceSet.Query q : tune) {
                Outcome<OfferResults> outcome = search.search(parameters(q));
                if (!(outcome instanceof Outcome.Done<OfferResults> done)) {
                    throw new IllegalStateException(q.id() + " refused: " + outcome);
                }
                results.add(evaluation.score(q, json.readValue(json.writeValueAsString(done.value()), Argument.mapOf(String.class, Object.class))));
            }
            SearchEvaluation.Summary s = SearchEvaluation.summary("", results);
            rows.add(String.format(Locale.ROOT, "%.3f %.3f %.3f  no-answer max %d mean %.1f  %s", s.ndcg(), s.recall(), s.mrr(),
                    s.mostPresented(), s.meanPresented(), settings));
        }
        rows.sort(Comparator.reverseOrder());
        System.out.println("\nnDCG@10 recall@20 MRR | no-answer | settings (tuning set, best first)");
        rows.forEach(System.out::println);
    }

    /**
     * One JSON line per tuning query: each candidate's features as the ranking saw them, its grade and phases, and the
     * grades of every offer the adviser could use; for trying ranking formulas offline on the tuning set.
     */
    static void dump(LocalStack stack, SearchEvaluation evaluation, RelevanceSet set, java.nio.file.Path file) throws Exception {
        JsonMapper json = stack.context().getBean(JsonMapper.class);
        SearchOffers search = stack.context().getBean(SearchOffers.class);
        List<String> lines = new ArrayList<>();
        for (RelevanceSet.Query q : set.queries()) {
            if (q.part() != RelevanceSet.Part.TUNE) {
                continue;
            }
            Outcome<List<SearchOffers.Explained>> explained = search.explain(parameters(q));
            if (!(explained instanceof Outcome.Done<List<SearchOffers.Explained>> done)) {
                throw new IllegalStateException(q.id() + " refused: " + explained);
            }
            List<Map<String, Object>> candidates = new ArrayList<>();
            for (SearchOffers.Explained e : done.value()) {
                var offer = evaluation.offer(e.id());
                candidates.add(Map.of("id", e.id(), "key", evaluation.keyOf(e.id()), "grade", evaluation.grade(q, e.id()),
                        "areas", offer.content().areasOfSupport(), "lexical", e.lexical(), "similarity", e.similarity(),
                        "areaNearness", e.areaNearness(), "factor", e.factor(), "strong", e.strong(), "score", e.score()));
            }
            lines.add(json.writeValueAsString(Map.of("id", q.id(), "q", q.text(), "kind", q.kind(), "noAnswer", q.noAnswer(),
                    "ideal", evaluation.idealGrades(q), "candidates", candidates)));
        }
        java.nio.file.Files.write(file, lines);
        System.out.println("wrote " + lines.size() + " queries to " + file);
    }

    /** The settings tried: the chosen ones, and each moved a step either way. */
    private static List<RankingSettings> settings() {
        RankingSettings d = new RankingSettings(RankingSettings.DEFAULT_WINDOW, 6, 0.2, 0.3, 0.5, 1.0, 0.25, 0.6, 100, 0.3);
        List<RankingSettings> all = new ArrayList<>(List.of(d));
        for (double w : List.of(0.2, 0.4)) {
            all.add(new RankingSettings(d.window(), d.areas(), d.areaSimilarity(), w, d.areaAffinity(), d.feedback(), d.feedbackArea(), d.floor(), d.lexicalScale(), d.phaseBoost()));
        }
        for (double a : List.of(0.3, 0.7)) {
            all.add(new RankingSettings(d.window(), d.areas(), d.areaSimilarity(), d.lexicalWeight(), a, d.feedback(), d.feedbackArea(), d.floor(), d.lexicalScale(), d.phaseBoost()));
        }
        for (double f : List.of(0.0, 0.5)) {
            all.add(new RankingSettings(d.window(), d.areas(), d.areaSimilarity(), d.lexicalWeight(), d.areaAffinity(), f, d.feedbackArea(), d.floor(), d.lexicalScale(), d.phaseBoost()));
        }
        for (double floor : List.of(0.55, 0.65)) {
            all.add(new RankingSettings(d.window(), d.areas(), d.areaSimilarity(), d.lexicalWeight(), d.areaAffinity(), d.feedback(), d.feedbackArea(), floor, d.lexicalScale(), d.phaseBoost()));
        }
        return all;
    }

    private static OfferSearchParameters parameters(RelevanceSet.Query q) {
        Map<String, String> with = SearchEvaluation.parameters(q.with());
        return new OfferSearchParameters(q.text(), with.containsKey("area") ? List.of(with.get("area")) : null,
                with.containsKey("phase") ? List.of(Phase.valueOf(with.get("phase"))) : null,
                with.containsKey("mode") ? List.of(DeliveryMode.valueOf(with.get("mode"))) : null, null, null,
                with.containsKey("maxPrice") ? Integer.valueOf(with.get("maxPrice")) : null, null, with.get("near"), null, null, null,
                with.containsKey("radiusKm") ? Integer.valueOf(with.get("radiusKm")) : null,
                Boolean.parseBoolean(with.getOrDefault("inPersonOnly", "false")), "relevance", 1, SearchEvaluation.PAGE);
    }
}
