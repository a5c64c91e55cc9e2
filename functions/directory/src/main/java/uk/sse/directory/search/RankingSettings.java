package uk.sse.directory.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How text searches are ranked and which results count as matches, chosen on the relevance set's tuning queries
 * (docs/performance.md, "Search relevance"); settable for trying others there ({@code -Dsse.search.ranking.*}).
 *
 * @param window          how many candidates are ranked (and may be counted as strong matches)
 * @param areas           at most this many areas of support whose scope is near the query in meaning add candidates...
 * @param areaSimilarity  ...if at least this similar
 * @param lexicalWeight   the share of the lexical score (BM25, as a log over the best in the window) against the similarity
 * @param areaAffinity    what a candidate adds for being in an area whose scope is near the query, times that nearness
 * @param feedback        how far the query is moved towards the best first-pass candidate (its embedding's share)...
 * @param feedbackArea    ...and what a candidate in one of that candidate's areas adds
 * @param floor           the topical score (lexical as a log over {@code lexicalScale}, similarity, area nearness) from
 *                        which a result is a strong match
 * @param lexicalScale    a BM25 score worth the whole lexical share towards the floor
 * @param phaseBoost      what a result for a phase the query names, or the school it is near teaches, adds to its score
 *                        (a fraction, as the other boosts)
 */
@ConfigurationProperties("sse.search.ranking")
public record RankingSettings(
        @Bindable(defaultValue = "" + RankingSettings.DEFAULT_WINDOW)
        int window,

        @Bindable(defaultValue = "6") int areas,
        @Bindable(defaultValue = "0.2") double areaSimilarity,
        @Bindable(defaultValue = "0.3") double lexicalWeight,
        @Bindable(defaultValue = "0.5") double areaAffinity,
        @Bindable(defaultValue = "1.0") double feedback,
        @Bindable(defaultValue = "0.25") double feedbackArea,
        @Bindable(defaultValue = "0.6") double floor,
        @Bindable(defaultValue = "100") double lexicalScale,
        @Bindable(defaultValue = "0.3") double phaseBoost) {

    public static final int DEFAULT_WINDOW = 150;
}
