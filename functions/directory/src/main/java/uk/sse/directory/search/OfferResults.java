package uk.sse.directory.search;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of matching offers, how many match in all, and facet counts over every match. */
@Serdeable
public record OfferResults(long total, int page, int size, List<OfferHit> hits, List<Facet> facets) {

    static OfferResults from(SearchResponse response, OfferQuery query) {
        return new OfferResults(response.total(), query.page(), query.size(),
                response.hits().stream().map(OfferHit::from).toList(),
                OfferQueries.FACETS.stream().map(f -> new Facet(f, response.buckets(f))).toList());
    }
}
