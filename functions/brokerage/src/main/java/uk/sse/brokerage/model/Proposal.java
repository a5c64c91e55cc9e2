package uk.sse.brokerage.model;

import java.time.Instant;

/**
 * A broker's proposal of one offer to the request: {@code id} is {@code P1, P2, ...} in the order proposed.
 * {@code decidedBy/decidedAt/reason} record the provider's answer (or, for SUPERSEDED, the agreement that closed it).
 */
public record Proposal(
        String id,
        String offerId,
        String providerId,
        int days,
        long credits,
        ProposalStatus status,
        String proposedBy,
        Instant proposedAt,
        String decidedBy,
        Instant decidedAt,
        String reason) {

    Proposal decided(ProposalStatus to, String by, Instant at, String why) {
        return new Proposal(id, offerId, providerId, days, credits, to, proposedBy, proposedAt, by, at, why);
    }
}
