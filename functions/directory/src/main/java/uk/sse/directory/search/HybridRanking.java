package uk.sse.directory.search;

import uk.sse.directory.model.Phase;
import uk.sse.embeddings.Vectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-ranks the candidates of a text search by words and meaning together, and says which are strong matches. Each
 * candidate has a lexical score (BM25 with synonyms and typo tolerance, without what the nearby areas added) and a
 * similarity (the cosine of its embedding with the query's); the two are fused ({@link RankingSettings#fusion()}), then
 * multiplied by the same gentle boosts as before (nearness, proven delivery, designations) and the phase a query or
 * school asks for, at most doubled. A candidate is a strong match if its meaning is near enough the query's, or if it
 * carries every word of the query that is not a stop word (each allowing typos and synonyms) and its meaning is not far
 * off; strong matches come first.
 */
final class HybridRanking {

    /**
     * A candidate as ranked: its search hit, its lexical score (without the areas' constants), its similarity to the query,
     * whether it carries every word, its boost factor, whether it is a strong match, and its final score.
     */
    record Ranked(Map<String, Object> hit, double lexical, double similarity, boolean everyWord, double factor, boolean strong,
                  double score) { }

    private record Scored(Map<String, Object> hit, String id, double lexical, double similarity, boolean everyWord, double factor,
                          boolean strong) { }

    private HybridRanking() { }

    /**
     * @param hits       the search hits, with {@code _score}, {@code matched_queries} and the {@code embedding} in their source
     * @param query      the query's embedding
     * @param mended     the embedding of the query with its typos mended, or null if it had none: a hit's similarity is
     *                   then the nearer of the two
     * @param areaBoosts what each named area clause added to the score of the hits it matched
     */
    static List<Ranked> rank(List<Map<String, Object>> hits, float[] query, float[] mended, OfferQuery q, Map<String, Double> areaBoosts,
                             RankingSettings settings) {
        int words = OfferQueries.coverage(q.text()).size();
        List<Scored> scored = new ArrayList<>(hits.size());
        for (Map<String, Object> hit : hits) {
            Map<String, Object> source = SearchResponse.map(hit.get("_source"));
            List<String> matched = SearchResponse.strings(hit.get("matched_queries"));
            double lexical = 0;
            if (matched.contains(OfferQueries.WORDS)) {
                lexical = ((Number) hit.get("_score")).doubleValue()
                        - matched.stream().mapToDouble(name -> areaBoosts.getOrDefault(name, 0.0)).sum();
            }
            double similarity = 0;
            if (source.get("embedding") instanceof String e) {
                float[] offer = Vectors.decode(e);
                similarity = Math.max(Vectors.dot(query, offer), mended == null ? -1 : Vectors.dot(mended, offer));
            }
            boolean everyWord = words > 0 && matched.stream().filter(name -> name.startsWith(OfferQueries.WORD)).count() == words;
            boolean strong = similarity >= settings.strongSimilarity() || (everyWord && similarity >= settings.wordsSimilarity());
            scored.add(new Scored(hit, (String) source.get("id"), Math.max(0, lexical), similarity, everyWord,
                    factor(hit, source, matched, q, settings), strong));
        }
        Map<String, Double> fused = settings.fusion().equals("rrf") ? rrf(scored, settings.rrfK()) : blend(scored, settings.lexicalWeight());
        return scored.stream()
                .map(s -> new Ranked(s.hit(), s.lexical(), s.similarity(), s.everyWord(), s.factor(), s.strong(), fused.get(s.id()) * s.factor()))
                .sorted(Comparator.comparing((Ranked r) -> !r.strong()).thenComparing(Ranked::score, Comparator.reverseOrder())
                        .thenComparing(r -> (String) SearchResponse.map(r.hit().get("_source")).get("id")))
                .toList();
    }

    /** The lexical score over the best in the window, and the similarity, weighted. */
    private static Map<String, Double> blend(List<Scored> scored, double lexicalWeight) {
        double best = scored.stream().mapToDouble(Scored::lexical).max().orElse(0);
        Map<String, Double> fused = new HashMap<>();
        for (Scored s : scored) {
            fused.put(s.id(), lexicalWeight * (best == 0 ? 0 : s.lexical() / best) + (1 - lexicalWeight) * Math.max(0, s.similarity()));
        }
        return fused;
    }

    /** 1 / (k + rank) in each ranking, summed; a candidate no word matched has no lexical rank. */
    private static Map<String, Double> rrf(List<Scored> scored, int k) {
        Map<String, Double> fused = new HashMap<>();
        List<Scored> byWords = scored.stream().filter(s -> s.lexical() > 0).sorted(Comparator.comparingDouble(Scored::lexical).reversed()).toList();
        List<Scored> byMeaning = scored.stream().sorted(Comparator.comparingDouble(Scored::similarity).reversed()).toList();
        for (int i = 0; i < byWords.size(); i++) {
            fused.merge(byWords.get(i).id(), 1.0 / (k + i + 1), Double::sum);
        }
        for (int i = 0; i < byMeaning.size(); i++) {
            fused.merge(byMeaning.get(i).id(), 1.0 / (k + i + 1), Double::sum);
        }
        return fused;
    }

    /**
     * 1 + nearness up to 0.5 (a gauss halving a fifth of the radius beyond 2 km, for those reachable in person), proven
     * delivery (0.3 for each tenfold of completed engagements) and impact (0.2 at 5 out of 5), 0.1 for a designation,
     * and the phase boost; at most 2.
     */
    static double factor(Map<String, Object> hit, Map<String, Object> source, List<String> matched, OfferQuery q, RankingSettings settings) {
        double boost = 0;
        if (q.point() != null && matched.contains(OfferQueries.IN_PERSON)
                && SearchResponse.map(hit.get("fields")).get("distanceKm") instanceof List<?> d && !d.isEmpty() && d.get(0) instanceof Number km) {
            double scale = Math.max(1, q.radiusKm() / 5);
            double beyond = Math.max(0, km.doubleValue() - 2) / scale;
            boost += 0.5 * Math.pow(0.5, beyond * beyond);
        }
        if (source.get("completedEngagements") instanceof Number n) {
            boost += 0.3 * Math.log10(1 + n.doubleValue());
        }
        if (source.get("averageImpact") instanceof Number impact) {
            boost += 0.04 * impact.doubleValue();
        }
        if (!SearchResponse.strings(source.get("designations")).isEmpty()) {
            boost += 0.1;
        }
        Set<Phase> wanted = q.phaseHints();
        if (!wanted.isEmpty() && SearchResponse.strings(source.get("phases")).stream().anyMatch(p -> wanted.contains(Phase.valueOf(p)))) {
            boost += settings.phaseBoost();
        }
        return Math.min(2, 1 + boost);
    }
}
