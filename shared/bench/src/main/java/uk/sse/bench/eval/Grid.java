package uk.sse.bench.eval;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Phase;
import uk.sse.directory.search.OfferResults;
import uk.sse.directory.search.OfferSearchParameters;
import uk.sse.directory.search.RankingSettings;
import uk.sse.directory.search.SearchOffers;
import uk.sse.embeddings.SentenceEmbeddings;
import uk.sse.embeddings.Vectors;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.search.OfferEmbeddingText;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;
import uk.sse.local.LocalSystem;

/**
 * {@code ./run eval-search --grid}: the tuning queries under many ranking settings at once, each through the directory's
 * own {@link SearchOffers} made with those settings (the API's code, without the HTTP around it), ordered by how well they
 * do. For choosing settings on the tuning set only; the figures to report are the API's ({@code ./run eval-search}).
 */
final class Grid {

    private Grid() {}

    static void run(LocalSystem stack, SearchEvaluation evaluation, RelevanceSet set) throws Exception {
        JsonMapper json = stack.context().getBean(JsonMapper.class);
        List<RelevanceSet.Query> tune = set.queries().stream()
                .filter(q -> q.part() == RelevanceSet.Part.TUNE)
                .toList();
        List<String> rows = new ArrayList<>();
        for (RankingSettings settings : settings()) {
            SearchOffers search = stack.context().getBean(SearchOffers.class).rankingBy(settings);
            List<SearchEvaluation.Result> results = new ArrayList<>();
            for (RelevanceSet.Query q : tune) {
                Outcome<OfferResults> outcome = search.search(parameters(q));
                if (!(outcome instanceof Outcome.Done<OfferResults> done)) {
                    throw new IllegalStateException(q.id() + " refused: " + outcome);
                }
                results.add(evaluation.score(
                        q,
                        json.readValue(
                                json.writeValueAsString(done.value()), Argument.mapOf(String.class, Object.class))));
            }
            SearchEvaluation.Summary s = SearchEvaluation.summary("", results);
            rows.add(String.format(
                    Locale.ROOT,
                    "%.3f %.3f %.3f  no-answer max %d mean %.1f  %s",
                    s.ndcg(),
                    s.recall(),
                    s.mrr(),
                    s.mostPresented(),
                    s.meanPresented(),
                    settings));
        }
        rows.sort(Comparator.reverseOrder());
        System.out.println("\nnDCG@10 recall@20 MRR | no-answer | settings (tuning set, best first)");
        rows.forEach(System.out::println);
    }

    /**
     * One JSON line per tuning query: the query's embedding, each candidate's features as the ranking saw them, its grade
     * and areas, and the grades of every offer the adviser could use; then one line of every offer's embeddings, of the
     * text indexed and of other texts that could be, with its title, description and area codes. For trying ranking
     * formulas, embedded texts and other models offline on the tuning set.
     */
    static void dump(LocalSystem stack, SearchEvaluation evaluation, RelevanceSet set, java.nio.file.Path file)
            throws Exception {
        JsonMapper json = stack.context().getBean(JsonMapper.class);
        SearchOffers search = stack.context().getBean(SearchOffers.class);
        List<String> lines = new ArrayList<>();
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (RelevanceSet.Query q : set.queries()) {
            if (q.part() != RelevanceSet.Part.TUNE) {
                continue;
            }
            Outcome<SearchOffers.Explanation> explained = search.explain(parameters(q));
            if (!(explained instanceof Outcome.Done<SearchOffers.Explanation> done)) {
                throw new IllegalStateException(q.id() + " refused: " + explained);
            }
            List<Map<String, Object>> candidates = new ArrayList<>();
            for (SearchOffers.Explained e : done.value().candidates()) {
                var offer = evaluation.offer(e.id());
                seen.add(e.id());
                candidates.add(Map.of(
                        "id",
                        e.id(),
                        "key",
                        evaluation.keyOf(e.id()),
                        "grade",
                        evaluation.grade(q, e.id()),
                        "areas",
                        offer.content().areasOfSupport(),
                        "lexical",
                        e.lexical(),
                        "similarity",
                        e.similarity(),
                        "areaNearness",
                        e.areaNearness(),
                        "factor",
                        e.factor(),
                        "strong",
                        e.strong(),
                        "score",
                        e.score()));
            }
            String typed = uk.sse.kernel.search.SearchSynonyms.standard().withMeanings(q.text());
            lines.add(json.writeValueAsString(Map.of(
                    "id",
                    q.id(),
                    "q",
                    q.text(),
                    "kind",
                    q.kind(),
                    "noAnswer",
                    q.noAnswer(),
                    "ideal",
                    evaluation.idealGrades(q),
                    "candidates",
                    candidates,
                    "query",
                    Vectors.encode(done.value().query()),
                    "queryPlain",
                    Vectors.encode(SentenceEmbeddings.shared().embed(typed)),
                    "queryInstructed",
                    Vectors.encode(SentenceEmbeddings.shared().embed(INSTRUCTION + typed)))));
        }
        Map<String, Map<String, String>> vectors = new java.util.TreeMap<>();
        List<String> ids = List.copyOf(seen);
        Map<String, List<String>> texts = new java.util.LinkedHashMap<>();
        texts.put(
                "indexed",
                ids.stream()
                        .map(id -> OfferEmbeddingText.of(
                                evaluation.offer(id).content().title(),
                                evaluation.offer(id).content().description()))
                        .toList());
        texts.put(
                "withAreas",
                ids.stream()
                        .map(id -> {
                            var c = evaluation.offer(id).content();
                            return OfferEmbeddingText.of(c.title(), c.description()) + " "
                                    + String.join(
                                            ". ",
                                            c.areasOfSupport().stream()
                                                    .map(code -> Taxonomy.standard()
                                                            .find(code)
                                                            .map(Term::label)
                                                            .orElse(code))
                                                    .toList())
                                    + ".";
                        })
                        .toList());
        texts.put(
                "areasFirst",
                ids.stream()
                        .map(id -> {
                            var c = evaluation.offer(id).content();
                            return String.join(
                                            ", ",
                                            c.areasOfSupport().stream()
                                                    .map(code -> Taxonomy.standard()
                                                            .find(code)
                                                            .map(Term::label)
                                                            .orElse(code))
                                                    .toList())
                                    + ": " + OfferEmbeddingText.of(c.title(), c.description());
                        })
                        .toList());
        for (var text : texts.entrySet()) {
            List<float[]> made = SentenceEmbeddings.shared().embedAll(text.getValue());
            for (int i = 0; i < ids.size(); i++) {
                vectors.computeIfAbsent(ids.get(i), id -> new java.util.TreeMap<>())
                        .put(text.getKey(), Vectors.encode(made.get(i)));
            }
        }
        // the words as well, so that another model can embed them offline (decision 0057)
        for (String id : ids) {
            var c = evaluation.offer(id).content();
            vectors.get(id).put("title", c.title());
            vectors.get(id).put("description", c.description());
            vectors.get(id).put("areasOfSupport", String.join(" ", c.areasOfSupport()));
        }
        lines.add(json.writeValueAsString(Map.of("offers", vectors)));
        java.nio.file.Files.write(file, lines);
        System.out.println("wrote " + (lines.size() - 1) + " queries to " + file);
    }

    /** BGE's instruction for a short query searching for passages (its model card). */
    static final String INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    /** The settings tried: the chosen ones, and each moved a step either way. */
    private static List<RankingSettings> settings() {
        RankingSettings d =
                new RankingSettings(RankingSettings.DEFAULT_WINDOW, 6, 0.2, 0.3, 0.5, 1.0, 0.25, 0.6, 100, 0.3);
        List<RankingSettings> all = new ArrayList<>(List.of(d));
        for (double w : List.of(0.2, 0.4)) {
            all.add(new RankingSettings(
                    d.window(),
                    d.areas(),
                    d.areaSimilarity(),
                    w,
                    d.areaAffinity(),
                    d.feedback(),
                    d.feedbackArea(),
                    d.floor(),
                    d.lexicalScale(),
                    d.phaseBoost()));
        }
        for (double a : List.of(0.3, 0.7)) {
            all.add(new RankingSettings(
                    d.window(),
                    d.areas(),
                    d.areaSimilarity(),
                    d.lexicalWeight(),
                    a,
                    d.feedback(),
                    d.feedbackArea(),
                    d.floor(),
                    d.lexicalScale(),
                    d.phaseBoost()));
        }
        for (double f : List.of(0.0, 0.5)) {
            all.add(new RankingSettings(
                    d.window(),
                    d.areas(),
                    d.areaSimilarity(),
                    d.lexicalWeight(),
                    d.areaAffinity(),
                    f,
                    d.feedbackArea(),
                    d.floor(),
                    d.lexicalScale(),
                    d.phaseBoost()));
        }
        for (double floor : List.of(0.55, 0.65)) {
            all.add(new RankingSettings(
                    d.window(),
                    d.areas(),
                    d.areaSimilarity(),
                    d.lexicalWeight(),
                    d.areaAffinity(),
                    d.feedback(),
                    d.feedbackArea(),
                    floor,
                    d.lexicalScale(),
                    d.phaseBoost()));
        }
        return all;
    }

    private static OfferSearchParameters parameters(RelevanceSet.Query q) {
        Map<String, String> with = SearchEvaluation.parameters(q.with());
        return new OfferSearchParameters(
                q.text(),
                with.containsKey("area") ? List.of(with.get("area")) : null,
                with.containsKey("phase") ? List.of(Phase.valueOf(with.get("phase"))) : null,
                with.containsKey("mode") ? List.of(DeliveryMode.valueOf(with.get("mode"))) : null,
                null,
                null,
                with.containsKey("maxPrice") ? Integer.valueOf(with.get("maxPrice")) : null,
                null,
                with.get("near"),
                null,
                null,
                null,
                with.containsKey("radiusKm") ? Integer.valueOf(with.get("radiusKm")) : null,
                Boolean.parseBoolean(with.getOrDefault("inPersonOnly", "false")),
                "relevance",
                1,
                SearchEvaluation.PAGE);
    }
}
