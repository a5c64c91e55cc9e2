package uk.sse.directory.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How text searches are ranked and which results count as matches, chosen on the relevance set
 * (docs/performance.md, "Search relevance"); settable for trying others there ({@code -Dsse.search.ranking.*}).
 *
 * @param window             how many candidates are re-ranked (and may be counted as strong matches)
 * @param fusion             {@code blend}: a weighted sum of the lexical score (over the best in the window) and the
 *                           similarity; {@code rrf}: reciprocal rank fusion of the two rankings
 * @param lexicalWeight      the lexical share of a blend
 * @param rrfK               the constant of reciprocal rank fusion
 * @param strongSimilarity   a result this similar to the query is a strong match whatever its words
 * @param wordsSimilarity    a result carrying every word of the query is a strong match from this similarity
 * @param areas              at most this many areas of support whose scope is near the query add candidates...
 * @param areaSimilarity     ...if at least this similar
 * @param phaseBoost         what a result for a phase the query names, or the school near which it is asked teaches,
 *                           adds to its relevance (as a fraction)
 */
@ConfigurationProperties("sse.search.ranking")
public record RankingSettings(@Bindable(defaultValue = "" + RankingSettings.DEFAULT_WINDOW) int window,
                              @Bindable(defaultValue = "blend") String fusion,
                              @Bindable(defaultValue = "0.5") double lexicalWeight,
                              @Bindable(defaultValue = "20") int rrfK,
                              @Bindable(defaultValue = "0.45") double strongSimilarity,
                              @Bindable(defaultValue = "0.25") double wordsSimilarity,
                              @Bindable(defaultValue = "3") int areas,
                              @Bindable(defaultValue = "0.3") double areaSimilarity,
                              @Bindable(defaultValue = "0.3") double phaseBoost) {

    public static final int DEFAULT_WINDOW = 100;
}
