package uk.sse.directory.model;

/** The kinds of organisation that offer support. */
public enum ProviderType {
    SCHOOL,
    LOCAL_AUTHORITY_SERVICE,
    HUB,
    TRUST,
    CONSULTANT,
    CHARITY
}
