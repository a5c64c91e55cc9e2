package uk.sse.brokerage.model;

/** The two evaluations of completed support: the school's rating of it, and the adviser's rating of its impact. */
public enum Rating {
    SCHOOL,
    IMPACT
}
