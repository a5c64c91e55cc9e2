package uk.sse.brokerage.model;

/**
 * A proposal is PROPOSED to its provider, who ACCEPTS or DECLINES it; one accepted proposal is AGREED,
 * the others still open then are SUPERSEDED.
 */
public enum ProposalStatus {
    PROPOSED,
    ACCEPTED,
    DECLINED,
    AGREED,
    SUPERSEDED;

    /** Still in play: proposed or accepted. */
    public boolean live() {
        return this == PROPOSED || this == ACCEPTED;
    }
}
