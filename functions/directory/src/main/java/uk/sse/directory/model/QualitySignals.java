package uk.sse.directory.model;

/**
 * An offer's track record, as brokerage reports it: engagements completed, and the advisers' impact ratings (1-5)
 * as a count and a total. {@code revision} counts the outcomes recorded, so a newer record of the signals is
 * recognisable (the search index orders its documents by it).
 */
public record QualitySignals(int completedEngagements, int impactRatings, long impactTotal, long revision) {

    public static final QualitySignals NONE = new QualitySignals(0, 0, 0, 0);

    /** The mean impact rating, or null before the first. */
    public Double averageImpact() {
        return impactRatings == 0 ? null : Math.round(10.0 * impactTotal / impactRatings) / 10.0;
    }
}
