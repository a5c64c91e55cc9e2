package uk.sse.notifier.model;

/**
 * ACTIVE subscriptions receive deliveries. PAUSED is the subscriber's choice; DISABLED the notifier's, after a 410,
 * a permanent Slack error or days of failures. Neither receives new deliveries, and what was scheduled for them is
 * cancelled when it comes due; resuming makes a subscription ACTIVE again.
 */
public enum SubscriptionStatus {
    ACTIVE,
    PAUSED,
    DISABLED
}
