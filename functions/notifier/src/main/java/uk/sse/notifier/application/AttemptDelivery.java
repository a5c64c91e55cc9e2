package uk.sse.notifier.application;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.metrics.AreaMetrics;
import uk.sse.kernel.metrics.Metric;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.model.Delivery;
import uk.sse.notifier.model.DeliveryProgress;
import uk.sse.notifier.model.EndpointHealth;
import uk.sse.notifier.model.Format;
import uk.sse.notifier.model.RetryAfter;
import uk.sse.notifier.model.RetrySchedule;
import uk.sse.notifier.model.SendResult;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.model.SubscriptionStatus;
import uk.sse.notifier.model.Trigger;
import uk.sse.notifier.model.Verdict;
import uk.sse.notifier.model.Verdicts;
import uk.sse.notifier.model.WebhookSignatures;

/**
 * One attempt at a delivery its caller holds the lease of: check the subscription still takes deliveries, wait for
 * the URL's turn if it is a Slack one, check the destination again (its name may resolve elsewhere now), sign with
 * every secret that signs at this moment, POST, and record the attempt, the delivery's next step and the endpoint's
 * health in one write.
 */
@Singleton
public class AttemptDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptDelivery.class);
    static final String USER_AGENT = "SchoolSupportExchange-Webhooks/1.0";
    /** Metrics (per area): attempts that did not deliver, and endpoints disabled. */
    public static final String WEBHOOK_FAILURES = "WebhookFailures";

    public static final String WEBHOOKS_DISABLED = "WebhooksDisabled";
    /** Metric (per area): email attempts Notify did not accept. */
    public static final String EMAIL_FAILURES = "EmailFailures";

    private final DeliveryStore deliveries;
    private final Destinations destinations;
    private final WebhookSender sender;
    private final SendRate rate;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final Duration rateWait;
    private final Duration disableAfter;
    private final Duration slackInterval;
    private final Bodies bodies;
    private final AreaMetrics metrics;
    private final EmailSender email;
    private final JsonMapper json;

    public AttemptDelivery(
            DeliveryStore deliveries,
            Destinations destinations,
            WebhookSender sender,
            SendRate rate,
            Clock clock,
            NotifierSettings settings,
            Bodies bodies,
            AreaMetrics metrics,
            EmailSender email,
            JsonMapper json) {
        this.email = email;
        this.json = json;
        this.deliveries = deliveries;
        this.destinations = destinations;
        this.sender = sender;
        this.rate = rate;
        this.clock = clock;
        this.schedule = settings.schedule();
        this.rateWait = settings.rateWait();
        this.disableAfter = settings.disableAfter();
        this.slackInterval = settings.slackInterval();
        this.bodies = bodies;
        this.metrics = metrics;
    }

    /** What became of the attempt. */
    public sealed interface Result {
        record Attempted(DeliveryProgress.Attempted attempted, Verdict verdict) implements Result {}

        /** Held back by the URL's rate: due again at {@code dueAt}, nothing sent. */
        record Deferred(Instant dueAt) implements Result {}

        record Cancelled(String reason) implements Result {}

        /** Someone else holds the delivery now. */
        record LeaseLost() implements Result {}
    }

    public Result attempt(Delivery delivery, Lease lease, Subscription subscription, Trigger trigger) {
        if (delivery.kind() == Delivery.Kind.EMAIL) {
            return email(delivery, lease, trigger);
        }
        if (delivery.kind() == Delivery.Kind.EVENT
                && (subscription == null || subscription.status() != SubscriptionStatus.ACTIVE)) {
            String reason = subscription == null
                    ? "its subscription was deleted"
                    : "its subscription is " + subscription.status().name().toLowerCase();
            return deliveries.cancel(delivery, lease, reason) ? new Result.Cancelled(reason) : new Result.LeaseLost();
        }
        if (subscription.format() == Format.SLACK) {
            Instant now = clock.instant();
            Optional<Duration> wait = rate.reserve(subscription.url(), now, rateWait);
            if (wait.isEmpty()) {
                Instant due = rate.nextFree(subscription.url(), now);
                return deliveries.release(delivery, lease, due) ? new Result.Deferred(due) : new Result.LeaseLost();
            }
            sleep(wait.get());
        }
        Instant at = clock.instant();
        SendResult result;
        String address = null;
        switch (destinations.check(subscription.url())) {
            case Destinations.Checked.Refused refused ->
                result = new SendResult.NoAnswer(
                        SendResult.Failure.REFUSED_DESTINATION, "the URL " + refused.reason(), 0);
            case Destinations.Checked.Allowed allowed -> {
                address = allowed.destination().address();
                Map<String, String> headers = headers(delivery, subscription, at);
                bodies.page(subscription.format(), delivery.body())
                        .ifPresent(page -> headers.put("link", "<" + page + ">; rel=\"related\"; type=\"text/html\""));
                result = sender.post(allowed.destination(), headers, delivery.body());
            }
        }
        Verdict verdict = Verdicts.of(result, subscription.format());
        DeliveryProgress.Attempted attempted = DeliveryProgress.after(
                delivery, trigger, address, result, verdict, at, schedule, ThreadLocalRandom.current());
        EndpointHealth.Change health =
                EndpointHealth.after(subscription.failingSince(), delivery.kind(), verdict, at, disableAfter);
        if (subscription.format() == Format.SLACK && result instanceof SendResult.Answered a && a.status() == 429) {
            rate.holdUntil(
                    subscription.url(),
                    at.plus(RetryAfter.parse(a.retryAfter(), at).orElse(slackInterval)));
        }
        if (health instanceof EndpointHealth.Change.Disabled disabled) {
            LOG.warn(
                    "disabling subscription {} of area {}: {}",
                    subscription.id(),
                    subscription.area(),
                    disabled.reason());
            attempted = DeliveryProgress.endpointDisabled(attempted, disabled.reason());
        }
        boolean recorded =
                deliveries.record(new DeliveryStore.AttemptWrite(attempted.delivery(), lease, subscription, health));
        if (recorded && !(verdict instanceof Verdict.Delivered)) {
            boolean disabled = health instanceof EndpointHealth.Change.Disabled;
            metrics.area(
                    subscription.area(),
                    Metric.count(WEBHOOK_FAILURES),
                    Metric.count(WEBHOOKS_DISABLED, disabled ? 1 : 0));
        }
        return recorded ? new Result.Attempted(attempted, verdict) : new Result.LeaseLost();
    }

    /** An email through GOV.UK Notify: sent, judged and scheduled as a JSON webhook is; no endpoint's health to keep. */
    private Result email(Delivery delivery, Lease lease, Trigger trigger) {
        Instant at = clock.instant();
        SendResult result;
        try {
            result = email.send(json.readValue(delivery.body(), EmailMessage.class));
        } catch (java.io.IOException unreadable) {
            result = new SendResult.NoAnswer(
                    SendResult.Failure.PROTOCOL, "the delivery holds no email: " + unreadable.getMessage(), 0);
        }
        Verdict verdict = Verdicts.of(result, Format.JSON);
        DeliveryProgress.Attempted attempted = DeliveryProgress.after(
                delivery, trigger, "GOV.UK Notify", result, verdict, at, schedule, ThreadLocalRandom.current());
        boolean recorded = deliveries.record(
                new DeliveryStore.AttemptWrite(attempted.delivery(), lease, null, new EndpointHealth.Change.None()));
        if (recorded && !(verdict instanceof Verdict.Delivered)) {
            metrics.area(delivery.area(), Metric.count(EMAIL_FAILURES));
        }
        return recorded ? new Result.Attempted(attempted, verdict) : new Result.LeaseLost();
    }

    /** The Standard Webhooks headers, with a signature from each secret that signs at {@code at}. */
    static Map<String, String> headers(Delivery delivery, Subscription subscription, Instant at) {
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", USER_AGENT);
        headers.put(WebhookSignatures.ID, delivery.id());
        headers.put(WebhookSignatures.TIMESTAMP, Long.toString(timestamp));
        headers.put(
                WebhookSignatures.SIGNATURE,
                WebhookSignatures.header(
                        subscription.secrets().signingAt(at), delivery.id(), timestamp, delivery.body()));
        return headers;
    }

    private static void sleep(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
