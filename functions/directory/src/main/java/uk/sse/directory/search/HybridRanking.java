package uk.sse.directory.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.sse.directory.model.Phase;
import uk.sse.embeddings.Vectors;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * Ranks the candidates of a text search by words and meaning together, and says which are strong matches.
 *
 * <p>Each candidate has a lexical score (BM25 with synonyms and typo tolerance, less what its nearby areas added), a
 * similarity (the cosine of its embedding with the query's) and an area nearness (how near in meaning the scope of its
 * nearest area of support is to the query). A first pass weighs these; the query is then moved a little towards the best
 * candidate, and candidates sharing its areas gain a little (pseudo-relevance feedback: the best answer says what else is
 * related). The result is multiplied by the gentle boosts of nearness, proven delivery, designations and phase, at most
 * doubled.
 *
 * <p>A strong match is one whose topical score (lexical, on an absolute scale, similarity and area nearness, without the
 * feedback, which would lift whatever came first) reaches the floor. Strong matches come first.
 */
final class HybridRanking {

    /** A candidate as ranked: its search hit, its features, whether it is a strong match, and its final score. */
    record Ranked(
            Map<String, Object> hit,
            double lexical,
            double similarity,
            double areaNearness,
            double factor,
            boolean strong,
            double score) {}

    private record Candidate(
            Map<String, Object> hit,
            String id,
            List<String> areas,
            float[] embedding,
            double lexical,
            double similarity,
            double areaNearness,
            double factor,
            boolean strong) {}

    private HybridRanking() {}

    /**
     * @param hits       the search hits, with {@code _score}, {@code matched_queries} and the {@code embedding} in their source
     * @param query      the query's embedding
     * @param scopes     how near each area's scope is to the query
     * @param areaBoosts what each named area clause added to the score of the hits it matched
     */
    static List<Ranked> rank(
            List<Map<String, Object>> hits,
            float[] query,
            Map<String, Double> scopes,
            OfferQuery q,
            Map<String, Double> areaBoosts,
            RankingSettings settings) {
        List<Candidate> candidates = new ArrayList<>(hits.size());
        double best = 0;
        for (Map<String, Object> hit : hits) {
            Map<String, Object> source = SearchResponse.map(hit.get("_source"));
            List<String> matched = SearchResponse.strings(hit.get("matched_queries"));
            double lexical = 0;
            if (matched.contains(OfferQueries.WORDS)) {
                lexical = Math.max(
                        0,
                        ((Number) hit.get("_score")).doubleValue()
                                - matched.stream()
                                        .mapToDouble(name -> areaBoosts.getOrDefault(name, 0.0))
                                        .sum());
            }
            float[] embedding = source.get("embedding") instanceof String e ? Vectors.decode(e) : null;
            double similarity = embedding == null ? 0 : Vectors.dot(query, embedding);
            List<String> areas = SearchResponse.strings(source.get("areasOfSupport"));
            double nearness = areaNearness(areas, scopes);
            double topical =
                    settings.lexicalWeight() * Math.min(1, Math.log1p(lexical) / Math.log1p(settings.lexicalScale()))
                            + (1 - settings.lexicalWeight()) * similarity
                            + settings.areaAffinity() * nearness;
            candidates.add(new Candidate(
                    hit,
                    (String) source.get("id"),
                    areas,
                    embedding,
                    lexical,
                    similarity,
                    nearness,
                    factor(hit, source, matched, q, settings),
                    topical >= settings.floor()));
            best = Math.max(best, lexical);
        }
        double bestLexical = best;
        Comparator<Candidate> byId = Comparator.comparing(Candidate::id);
        // first pass: words, meaning and area nearness
        Candidate top = candidates.stream()
                .max(Comparator.comparingDouble((Candidate c) -> settings.lexicalWeight() * lexical(c, bestLexical)
                                + (1 - settings.lexicalWeight()) * c.similarity()
                                + settings.areaAffinity() * c.areaNearness())
                        .thenComparing(byId.reversed()))
                .orElse(null);
        float[] moved =
                top == null || top.embedding() == null ? query : moved(query, top.embedding(), settings.feedback());
        Set<String> topAreas = top == null ? Set.of() : Set.copyOf(top.areas());
        List<Ranked> ranked = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            double similarity = c.embedding() == null ? 0 : Vectors.dot(moved, c.embedding());
            double related = c.areas().stream().anyMatch(topAreas::contains) ? settings.feedbackArea() : 0;
            double score = (settings.lexicalWeight() * lexical(c, bestLexical)
                            + (1 - settings.lexicalWeight()) * similarity
                            + settings.areaAffinity() * c.areaNearness()
                            + related)
                    * c.factor();
            ranked.add(
                    new Ranked(c.hit(), c.lexical(), c.similarity(), c.areaNearness(), c.factor(), c.strong(), score));
        }
        ranked.sort(Comparator.comparing((Ranked r) -> !r.strong())
                .thenComparing(Ranked::score, Comparator.reverseOrder())
                .thenComparing(
                        r -> (String) SearchResponse.map(r.hit().get("_source")).get("id")));
        return ranked;
    }

    /** The lexical score as a log over the best in the window: one very strong match does not flatten the rest. */
    private static double lexical(Candidate c, double best) {
        return best == 0 ? 0 : Math.log1p(c.lexical()) / Math.log1p(best);
    }

    /** The query moved towards an embedding by {@code share} of it, at unit length again. */
    private static float[] moved(float[] query, float[] towards, double share) {
        float[] sum = new float[query.length];
        for (int i = 0; i < query.length; i++) {
            sum[i] = (float) (query[i] + share * towards[i]);
        }
        return Vectors.unit(sum);
    }

    /** How near the query is the scope of the nearest of these areas or their ancestors (top levels are too broad to count). */
    static double areaNearness(List<String> areas, Map<String, Double> scopes) {
        double nearest = 0;
        for (String code : areas) {
            for (String up : Taxonomy.standard().lineage(code)) {
                nearest = Math.max(nearest, scopes.getOrDefault(up, 0.0));
            }
        }
        return nearest;
    }

    /**
     * 1 + nearness up to 0.5 (a gauss halving a fifth of the radius beyond 2 km, for those reachable in person), proven
     * delivery (0.3 for each tenfold of completed engagements) and impact (0.2 at 5 out of 5), 0.1 for a designation,
     * and the phase boost; at most 2. The same as OfferQueries#scored gives searches without words.
     */
    static double factor(
            Map<String, Object> hit,
            Map<String, Object> source,
            List<String> matched,
            OfferQuery q,
            RankingSettings settings) {
        double boost = 0;
        if (q.point() != null
                && matched.contains(OfferQueries.IN_PERSON)
                && SearchResponse.map(hit.get("fields")).get("distanceKm") instanceof List<?> d
                && !d.isEmpty()
                && d.get(0) instanceof Number km) {
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
        if (!wanted.isEmpty()
                && SearchResponse.strings(source.get("phases")).stream()
                        .anyMatch(p -> wanted.contains(Phase.valueOf(p)))) {
            boost += settings.phaseBoost();
        }
        return Math.min(2, 1 + boost);
    }
}
