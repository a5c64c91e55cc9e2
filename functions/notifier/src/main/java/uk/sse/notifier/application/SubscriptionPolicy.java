package uk.sse.notifier.application;

import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.notifier.model.Subscription;

/**
 * Who may do what with webhook subscriptions: an area's brokers and admins see and manage all of the area's
 * subscriptions (they are the team's channels, not one person's); nobody else sees them, so to anyone else a
 * subscription does not exist. Only an admin of the area may subscribe to the notifier's own events (an endpoint
 * disabled). Each grant is one membership's (decision 0080); a new subscription is of the area of the hat worn.
 */
public final class SubscriptionPolicy {

    private SubscriptionPolicy() {}

    public static boolean managesArea(Caller caller, String area) {
        return area != null && (caller.holds(Role.BROKER, area) || caller.holds(Role.ADMIN, area));
    }

    public static boolean manages(Caller caller, Subscription subscription) {
        return managesArea(caller, subscription.area());
    }

    public static boolean isAdminOf(Caller caller, String area) {
        return area != null && caller.holds(Role.ADMIN, area);
    }
}
