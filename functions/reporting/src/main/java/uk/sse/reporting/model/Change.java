package uk.sse.reporting.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import uk.sse.kernel.events.EventEnvelope;

/**
 * What one record of a source table's stream (or of a rebuild's scan) tells the read model. Each kind converges on its
 * own rule, so that duplicated and reordered records end in the same state:
 * <ul>
 *   <li>a brokerage event is applied once, by its id, and its request is recomputed from all its events; an event
 *       rewritten in its log (only an erasure does that, docs/data-protection.md) replaces the envelope held;</li>
 *   <li>an offer version replaces an older version of its offer, and describes its provider if it is the newest
 *       description seen (time, then event id);</li>
 *   <li>a school's profile replaces an older observation of it;</li>
 *   <li>a ledger account is written once, when it is opened; a transfer's event replaces a less resolved state
 *       ({@link LedgerTransfer#rank}), and its creation time is kept whichever of its events came first.</li>
 * </ul>
 */
public sealed interface Change {

    /**
     * A brokerage event with the envelope's JSON text as it was published, or, {@code rewritten}, as an erasure rewrote
     * it in the publisher's log (the stream's MODIFY of the event item).
     */
    record BrokerageEvent(EventEnvelope event, String json, boolean rewritten) implements Change {
        public BrokerageEvent {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(json, "json");
        }

        public BrokerageEvent(EventEnvelope event, String json) {
            this(event, json, false);
        }

        /** The same event, as a rewrite of the one the log held. */
        public BrokerageEvent asRewritten() {
            return new BrokerageEvent(event, json, true);
        }

        public String requestId() {
            return RequestHistory.requestIdOf(event);
        }
    }

    /** A stored version of an offer, from the directory's offer event {@code eventId}. */
    record OfferVersion(
            String eventId,
            String offerId,
            long version,
            String area,
            String providerId,
            String providerName,
            String providerType,
            String title,
            String status,
            List<String> areasOfSupport,
            Long priceCredits,
            Instant occurredAt)
            implements Change {
        public OfferVersion {
            areasOfSupport = List.copyOf(areasOfSupport);
        }
    }

    /** A school's register entry as observed at {@code observedAt}. */
    record SchoolProfile(String urn, String name, String laCode, String laName, String phase, Instant observedAt)
            implements Change {}

    /** A ledger account, from the ledger's {@code ledger.account.opened}. */
    record LedgerAccount(String accountId, String area, String owner, boolean issuing) implements Change {}

    /**
     * A ledger transfer as one of its events tells it: {@code pending} says it is two-phase (a hold), {@code state} is
     * PENDING or SINGLE_PHASE (created; {@code createdAt} set), POSTED or VOIDED (resolved; {@code resolvedAt} set,
     * {@code createdAt} null), {@code postedAmount} what a hold posted.
     */
    record LedgerTransfer(
            String transferId,
            String area,
            String debitAccount,
            String creditAccount,
            long amount,
            String kind,
            boolean pending,
            String state,
            long postedAmount,
            Instant createdAt,
            Instant resolvedAt)
            implements Change {

        /** PENDING is the only state a transfer leaves; the others are final, and a transfer reaches one of them once. */
        public int rank() {
            return "PENDING".equals(state) ? 1 : 2;
        }

        /** The credits that moved: all of a single-phase transfer, what a hold posted (none while pending or once voided). */
        public long movedAmount() {
            return switch (state) {
                case "SINGLE_PHASE" -> amount;
                case "POSTED" -> postedAmount;
                default -> 0;
            };
        }

        /** When the credits moved, or null if none did. */
        public Instant postedAt() {
            return switch (state) {
                case "SINGLE_PHASE" -> createdAt;
                case "POSTED" -> resolvedAt;
                default -> null;
            };
        }

        public static String ownerOf(String accountId) {
            int slash = accountId.indexOf('/');
            return slash < 0 ? accountId : accountId.substring(slash + 1);
        }
    }
}
