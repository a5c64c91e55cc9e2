package uk.sse.notifier.web;

import uk.sse.kernel.ids.Ids;
import uk.sse.notifier.model.WebhookIds;

/** Shapes the notifier's API accepts, for the bodies' and parameters' constraints. */
final class Shapes {

    static final String SUBSCRIPTION = "sub_" + Ids.BODY;
    static final String SUBSCRIPTION_MESSAGE = "must be a subscription id: sub_ and 26 characters";
    static final String DELIVERY = WebhookIds.PATTERN;
    static final String DELIVERY_MESSAGE = "must be a delivery id: msg_ and 26 characters";
    static final String FORMAT = "slack|json|teams";
    static final String FORMAT_MESSAGE = "must be slack, json or teams";

    private Shapes() {}
}
