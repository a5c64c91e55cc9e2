package uk.sse.brokerage.model;

import java.time.Instant;

/** The school's rating (1-5) and the adviser's impact rating (1-5), each with notes, who and when; null until given. */
public record Evaluation(
        Integer schoolRating,
        String schoolNotes,
        String schoolBy,
        Instant schoolAt,
        Integer impactRating,
        String impactNotes,
        String impactBy,
        Instant impactAt) {

    public static final Evaluation NONE = new Evaluation(null, null, null, null, null, null, null, null);

    public boolean has(Rating r) {
        return (r == Rating.SCHOOL ? schoolRating : impactRating) != null;
    }

    public boolean complete() {
        return schoolRating != null && impactRating != null;
    }

    Evaluation with(Rating r, int rating, String notes, String by, Instant at) {
        return r == Rating.SCHOOL
                ? new Evaluation(rating, notes, by, at, impactRating, impactNotes, impactBy, impactAt)
                : new Evaluation(schoolRating, schoolNotes, schoolBy, schoolAt, rating, notes, by, at);
    }
}
