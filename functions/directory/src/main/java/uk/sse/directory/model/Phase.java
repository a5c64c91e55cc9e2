package uk.sse.directory.model;

/** The phases an offer is for. Special and alternative provision are phases here because support differs. */
public enum Phase {
    EARLY_YEARS,
    PRIMARY,
    SECONDARY,
    POST_16,
    ALL_THROUGH,
    SPECIAL,
    ALTERNATIVE_PROVISION
}
