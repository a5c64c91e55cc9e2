package uk.sse.brokerage.application;

import uk.sse.brokerage.model.Suggestion;

import java.util.List;

/** The directory function, asked with the caller's own authority (their bearer token). */
public interface Directory {

    /**
     * A school in the register, as GIAS describes it ({@code phase} and {@code type} in GIAS's words): its LA is the
     * area it belongs to; {@code located} whether the register gave it coordinates (to search near it).
     */
    record School(String urn, String name, String laCode, String phase, String type, boolean located) { }

    /** An offer the caller may see (for advisers and brokers: approved and not past its review date). */
    record Offer(String offerId, String providerId, String title, String area) { }

    Lookup<School> school(String bearer, String urn);

    Lookup<Offer> offer(String bearer, String offerId);

    /**
     * At most {@code max} offers the directory's search finds for {@code areasOfSupport}, near the school and for its
     * phase, best first; {@link Lookup.Unavailable} if search cannot answer now.
     */
    Lookup<List<Suggestion>> suggest(String bearer, School school, List<String> areasOfSupport, int max);
}
