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
            float[] meaning = uk.sse.embeddings.SentenceEmbeddings.shared().embed(uk.sse.kernel.search.SearchSynonyms.standard().withMeanings(q.text()));
            for (SearchOffers.Explained e : done.value()) {
                float[] title = uk.sse.embeddings.SentenceEmbeddings.shared().embed(evaluation.titleOf(e.id()));
                Map<String, Object> c = new java.util.HashMap<>(Map.of("id", e.id(), "key", evaluation.keyOf(e.id()), "grade", evaluation.grade(q, e.id()),
                        "lexical", e.lexical(), "similarity", e.similarity(), "everyWord", e.everyWord(), "factor", e.factor(),
                        "strong", e.strong(), "score", e.score()));
                c.put("titleSimilarity", uk.sse.embeddings.Vectors.dot(meaning, title));
                candidates.add(c);
            }
            lines.add(json.writeValueAsString(Map.of("id", q.id(), "q", q.text(), "kind", q.kind(), "noAnswer", q.noAnswer(),
                    "ideal", evaluation.idealGrades(q), "candidates", candidates)));
        }
        java.nio.file.Files.write(file, lines);
        System.out.println("wrote " + lines.size() + " queries to " + file);
    }

    /** The settings tried: a sweep of fusion, then of the strong-match thresholds. */
    private static List<RankingSettings> settings() {
        List<RankingSettings> all = new ArrayList<>();
        for (double weight : List.of(0.15, 0.3, 0.45)) {
            for (double strong : List.of(0.3, 0.35, 0.4)) {
                all.add(new RankingSettings(100, "blend", weight, 20, strong, 0.2, 3, 0.3, 0.3));
            }
        }
        for (int k : List.of(5, 20, 60)) {
            for (double strong : List.of(0.3, 0.35, 0.4)) {
                all.add(new RankingSettings(100, "rrf", 0, k, strong, 0.2, 3, 0.3, 0.3));
            }
        }
        return all;
    }

    private static OfferSearchParameters parameters(RelevanceSet.Query q) {
        Map<String, String> with = SearchEvaluation.parameters(q.with());
        return new OfferSearchParameters(q.text(), with.containsKey("area") ? List.of(with.get("area")) : null,
                with.containsKey("phase") ? List.of(Phase.valueOf(with.get("phase"))) : null,
                with.containsKey("mode") ? List.of(DeliveryMode.valueOf(with.get("mode"))) : null, null, null,
                with.containsKey("maxPrice") ? Integer.valueOf(with.get("maxPrice")) : null, null, with.get("near"), null, null,
                with.containsKey("radiusKm") ? Integer.valueOf(with.get("radiusKm")) : null,
                Boolean.parseBoolean(with.getOrDefault("inPersonOnly", "false")), "relevance", 1, SearchEvaluation.PAGE);
    }
}
