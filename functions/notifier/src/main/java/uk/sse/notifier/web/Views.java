package uk.sse.notifier.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import uk.sse.notifier.application.ReadSubscriptions;
import uk.sse.notifier.model.Attempt;
import uk.sse.notifier.model.Delivery;
import uk.sse.notifier.model.SigningSecret;
import uk.sse.notifier.model.Subscription;

/** What the API answers. A signing secret appears only in {@link Created}, the answer to making or rotating it. */
final class Views {

    private Views() {}

    @Serdeable
    record FiltersView(List<String> areasOfSupport, List<String> urgencies) {}

    /** When the current secret was made and, while an older one still signs, when the last of them stops. */
    @Serdeable
    record SigningView(Instant currentSince, @Nullable Instant previousSignsUntil) {}

    @Serdeable
    record SubscriptionView(
            String id,
            String area,
            String url,
            List<String> eventTypes,
            FiltersView filters,
            String format,
            @Nullable String description,
            String status,
            @Nullable String statusReason,
            Instant statusChangedAt,
            @Nullable Instant failingSince,
            SigningView signing,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        static SubscriptionView of(Subscription s, Instant now) {
            return new SubscriptionView(
                    s.id(),
                    s.area(),
                    s.url(),
                    s.eventTypes(),
                    new FiltersView(
                            s.filters().areasOfSupport(),
                            s.filters().urgencies().stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .toList()),
                    s.format().apiName(),
                    s.description(),
                    s.status().name(),
                    s.statusReason(),
                    s.statusChangedAt(),
                    s.failingSince(),
                    new SigningView(
                            s.secrets().current().createdAt(), s.secrets().graceEndsAt(now)),
                    s.createdBy(),
                    s.createdAt(),
                    s.updatedAt(),
                    s.version());
        }
    }

    /** A subscription with its signing secret ({@code whsec_...}): shown in this answer only. */
    @Serdeable
    record Created(SubscriptionView subscription, String secret) {
        static Created of(Subscription s, SigningSecret secret, Instant now) {
            return new Created(SubscriptionView.of(s, now), secret.text());
        }
    }

    @Serdeable
    record DeliveryView(
            String id,
            String subscriptionId,
            String eventId,
            String eventType,
            String kind,
            String status,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant lastAttemptAt,
            @Nullable Integer lastStatus,
            @Nullable String lastReason,
            Instant createdAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.id(),
                    d.subscriptionId(),
                    d.eventId(),
                    d.eventType(),
                    d.kind().name(),
                    d.status().name(),
                    d.attempts(),
                    d.status().scheduled() ? d.dueAt() : null,
                    d.lastAttemptAt(),
                    d.lastStatus(),
                    d.lastReason(),
                    d.createdAt());
        }
    }

    /** One attempt: {@code destination} is the address connected to, {@code responseExcerpt} the answer's first bytes. */
    @Serdeable
    record AttemptView(
            int number,
            Instant at,
            String trigger,
            @Nullable String destination,
            @Nullable Integer status,
            long latencyMillis,
            String outcome,
            String reason,
            @Nullable String responseExcerpt,
            @Nullable Instant nextAttemptAt) {
        static AttemptView of(Attempt a) {
            return new AttemptView(
                    a.number(),
                    a.at(),
                    a.trigger().name(),
                    a.destination(),
                    a.status(),
                    a.latencyMillis(),
                    a.outcome().name(),
                    a.reason(),
                    a.excerpt(),
                    a.nextAttemptAt());
        }
    }

    /** A delivery with the body it sends and every attempt made at it, oldest first. */
    @Serdeable
    record TracedView(DeliveryView delivery, String body, List<AttemptView> attempts) {
        static TracedView of(ReadSubscriptions.Traced t) {
            return new TracedView(
                    DeliveryView.of(t.delivery()),
                    t.delivery().body(),
                    t.attempts().stream().map(AttemptView::of).toList());
        }
    }
}
