package uk.sse.directory.search;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A page of results. Without words: every offer that passes the filters ({@code total}, all of them strong matches),
 * facets over all of them. With words: {@code total} offers share a word or an area of support near the query's
 * meaning; the best {@value RankingSettings#DEFAULT_WINDOW} of them are ranked by words and meaning together, and
 * {@code strongMatches} of those meet the words (facets count these); the rest are related at best and come after them.
 * {@code noGoodMatch}: words were searched for and nothing meets them, so the adviser may rather raise a request.
 */
@Serdeable
public record OfferResults(
        long total,
        int page,
        int size,
        long strongMatches,
        boolean noGoodMatch,
        List<OfferHit> hits,
        List<Facet> facets) {}
