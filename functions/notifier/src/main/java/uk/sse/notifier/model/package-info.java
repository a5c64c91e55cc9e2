/**
 * The notifier's domain, plain Java: what a subscription asks for ({@link uk.sse.notifier.model.Subscription},
 * {@link uk.sse.notifier.model.Filters}, {@link uk.sse.notifier.model.EventCatalogue}), how a message is made
 * ({@link uk.sse.notifier.model.SlackMessages}) and signed ({@link uk.sse.notifier.model.WebhookSignatures},
 * Standard Webhooks), which destinations are refused ({@link uk.sse.notifier.model.AddressPolicy},
 * {@link uk.sse.notifier.model.WebhookUrls}), and what an attempt's answer means for the delivery and the endpoint
 * ({@link uk.sse.notifier.model.Verdicts}, {@link uk.sse.notifier.model.RetrySchedule},
 * {@link uk.sse.notifier.model.DeliveryProgress}). Nothing here does I/O.
 */
package uk.sse.notifier.model;
