package uk.sse.brokerage.model;

/**
 * What the ledger must do for a transition, as a value. Account ids are the ledger's {@code area/owner}
 * (the school's owner is its URN, a provider's its id); transfer ids are engagement holds' ({@link Brokerage#holdId}).
 * All are idempotent at the ledger by transfer id, so doing one again after a crash is safe.
 */
public sealed interface LedgerEffect {

    String transferId();

    /** A pending PAYMENT transfer of {@code credits}, with a timeout; a refusal for want of credits refuses the agreement. */
    record PlaceHold(String transferId, String schoolAccount, String providerAccount, long credits, String reference)
            implements LedgerEffect {}

    /** Post {@code amount} (1 to the hold's amount) of the hold, releasing the rest. */
    record PostHold(String transferId, long amount) implements LedgerEffect {}

    /** Release the whole hold. */
    record VoidHold(String transferId) implements LedgerEffect {}

    /**
     * Release a hold that an agreement interrupted before its state was written may have placed, and that the request
     * can now never use. The ledger's "no such transfer" (and "already voided") is success here.
     */
    record VoidStrayHold(String transferId) implements LedgerEffect {}

    /** Keep an agreed engagement's hold while its delivery goes on: move its timeout a full period from now. */
    record ExtendHold(String transferId) implements LedgerEffect {}

    static String account(String area, String owner) {
        return area + "/" + owner;
    }
}
