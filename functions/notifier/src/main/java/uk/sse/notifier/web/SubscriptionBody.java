package uk.sse.notifier.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import uk.sse.notifier.model.Format;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.model.SubscriptionRules;
import uk.sse.notifier.model.WebhookUrls;

/**
 * A subscription as its subscriber chooses it: the https URL to POST to, the event types wanted (the envelope types
 * of docs/events.md), optional filters, the format ({@code slack}: an incoming-webhook message; {@code json}: the
 * event envelope as published) and an optional description.
 */
@Serdeable
public record SubscriptionBody(
        @NotNull
        @Size(max = WebhookUrls.MAX_LENGTH)
        @Schema(example = "https://hooks.slack.com/services/T000/B000/XXXXXXXX")
        String url,

        @NotNull @Schema(example = "[\"brokerage.request.created\", \"brokerage.engagement.agreed\"]")
        List<String> eventTypes,

        @Nullable @Valid FiltersBody filters,

        @NotNull
        @Pattern(regexp = Shapes.FORMAT, message = Shapes.FORMAT_MESSAGE)
        @Schema(allowableValues = {"slack", "json"})
        String format,

        @Nullable @Size(max = SubscriptionRules.MAX_DESCRIPTION)
        String description) {

    Subscription.Choice choice() {
        return new Subscription.Choice(
                url,
                eventTypes,
                filters == null ? null : filters.filters(),
                Format.ofApiName(format).orElseThrow(),
                description == null || description.isBlank() ? null : description.strip());
    }

    /** A repeated or null urgency in the filters, which a set would silently fold: its index, or -1. */
    int badUrgency() {
        return filters == null ? -1 : filters.badUrgency();
    }
}
