package uk.sse.notifier.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event types a subscription may ask for (docs/events.md), each with the title its Slack message carries.
 * The ledger publishes no envelopes (its stream is its state), so none of its types are here; the brokerage's
 * {@code hold-refused} is the ledger refusing an agreement, {@code brokerage.reconciliation.*} the repairs of
 * reconciliation (decision 31). {@code notifier.subscription.disabled} is for the
 * area's admins only.
 */
public final class EventCatalogue {

    public static final String SUBSCRIPTION_DISABLED = "notifier.subscription.disabled";
    /** The type of a test message; nobody subscribes to it. */
    public static final String TEST = "notifier.subscription.test";

    public static final int MAX_TYPES = 30;

    private static final Map<String, String> TITLES = titles();
    private static final Set<String> ADMIN_ONLY = Set.of(SUBSCRIPTION_DISABLED);

    private EventCatalogue() {}

    private static Map<String, String> titles() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("brokerage.request.created", "New brokerage request");
        t.put("brokerage.request.proposed", "Offers proposed");
        t.put("brokerage.proposal.accepted", "Proposal accepted by the provider");
        t.put("brokerage.proposal.declined", "Proposal declined");
        t.put("brokerage.engagement.agreed", "Engagement agreed");
        t.put("brokerage.engagement.started", "Delivery started");
        t.put("brokerage.engagement.completed", "Engagement completed");
        t.put("brokerage.engagement.evaluated", "Engagement evaluated");
        t.put("brokerage.request.cancelled", "Request cancelled");
        t.put("brokerage.request.withdrawn", "Request withdrawn");
        t.put("brokerage.engagement.hold-refused", "Agreement refused: not enough credits");
        t.put("brokerage.reconciliation.hold-released", "Hold released: the agreement was never recorded");
        t.put("brokerage.reconciliation.hold-voided", "Stray hold released by reconciliation");
        t.put("brokerage.reconciliation.post-redriven", "Provider paid by reconciliation");
        t.put("brokerage.reconciliation.void-redriven", "Hold released by reconciliation");
        t.put("brokerage.reconciliation.needs-attention", "Engagement needs attention: its credits are not held");
        t.put("directory.offer.created", "Offer drafted");
        t.put("directory.offer.submitted", "Offer awaiting assurance");
        t.put("directory.offer.approved", "Offer approved");
        t.put("directory.offer.rejected", "Offer rejected");
        t.put("directory.offer.changes-requested", "Changes requested to an offer");
        t.put("directory.offer.suspended", "Offer suspended");
        t.put("directory.offer.edited", "Offer edited");
        t.put("directory.offer.withdrawn", "Offer withdrawn");
        t.put(SUBSCRIPTION_DISABLED, "Webhook subscription disabled");
        return Collections.unmodifiableMap(t);
    }

    /** Every type one may subscribe to, in the catalogue's order. */
    public static Set<String> types() {
        return TITLES.keySet();
    }

    public static boolean isKnown(String type) {
        return type != null && TITLES.containsKey(type);
    }

    /** Why a subscriber may not ask for {@code type}, or empty if they may. */
    public static Optional<String> problemWith(String type, boolean admin) {
        if (!isKnown(type)) {
            return Optional.of("is not an event type one can subscribe to (see docs/events.md)");
        }
        if (ADMIN_ONLY.contains(type) && !admin) {
            return Optional.of("is for the area's admins only");
        }
        return Optional.empty();
    }

    /** The Slack header for an event of this type. */
    public static String title(String type) {
        if (TEST.equals(type)) {
            return "Test message";
        }
        return TITLES.getOrDefault(type, type);
    }
}
