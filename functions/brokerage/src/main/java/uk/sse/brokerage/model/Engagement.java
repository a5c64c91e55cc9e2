package uk.sse.brokerage.model;

import java.time.Instant;

/**
 * The agreed support: {@code <requestId>.<proposalId>}. {@code holdId} is the ledger transfer id of the hold of
 * {@code credits} from {@code schoolAccount} to {@code providerAccount}: in the brokerage's namespace, named by the
 * request, the proposal and the version the agreement was decided on ({@link Brokerage#holdId}), so a retried
 * agreement names the same hold and an agreement after a released one a new hold. {@code hold} is what the request says
 * of it: HELD while agreed, then POSTED or VOIDED (the ledger catches up, and reconciliation sees that it does).
 * {@code daysDelivered} and {@code creditsPosted} are set on completion (0 until then).
 */
public record Engagement(
        String id,
        String holdId,
        String proposalId,
        String offerId,
        String providerId,
        int days,
        long credits,
        String schoolAccount,
        String providerAccount,
        String agreedBy,
        Instant agreedAt,
        HoldState hold,
        int daysDelivered,
        long creditsPosted,
        Instant startedAt,
        Instant completedAt) {

    Engagement started(Instant at) {
        return new Engagement(
                id,
                holdId,
                proposalId,
                offerId,
                providerId,
                days,
                credits,
                schoolAccount,
                providerAccount,
                agreedBy,
                agreedAt,
                hold,
                daysDelivered,
                creditsPosted,
                at,
                completedAt);
    }

    Engagement completed(int delivered, long posted, Instant at) {
        return new Engagement(
                id,
                holdId,
                proposalId,
                offerId,
                providerId,
                days,
                credits,
                schoolAccount,
                providerAccount,
                agreedBy,
                agreedAt,
                posted > 0 ? HoldState.POSTED : HoldState.VOIDED,
                delivered,
                posted,
                startedAt,
                at);
    }

    Engagement voided() {
        return new Engagement(
                id,
                holdId,
                proposalId,
                offerId,
                providerId,
                days,
                credits,
                schoolAccount,
                providerAccount,
                agreedBy,
                agreedAt,
                HoldState.VOIDED,
                daysDelivered,
                creditsPosted,
                startedAt,
                completedAt);
    }
}
