package uk.sse.web.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import uk.sse.web.forms.Errors;
import uk.sse.web.pages.Labels;

/** What the webhook pages read from the notifier's API (docs/api/notifier.yml), and the pages' models. */
public final class Webhooks {

    private Webhooks() {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subscription(
            String id,
            String url,
            List<String> eventTypes,
            String format,
            @Nullable String description,
            String status,
            @Nullable String statusReason,
            @Nullable String failingSince,
            long version) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubscriptionPage(
            List<Subscription> items, @Nullable String next) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Created(Subscription subscription, String secret) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(
            String id,
            String eventType,
            String kind,
            String status,
            int attempts,
            @Nullable String lastAttemptAt,
            @Nullable Integer lastStatus,
            @Nullable String lastReason,
            String createdAt) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeliveryPage(
            List<Delivery> items, @Nullable String next) {}

    /** A subscription in the list or on its page: where it sends, as what, whether it is sending. */
    public record Row(String href, String host, String format, Labels.Tag status, String description, int events) {}

    public record ListPage(List<Row> rows, String banner) {}

    /** A delivery as a line: what, when, how it went, and whether it can be sent again. */
    public record DeliveryRow(
            String id, String what, String when, Labels.Tag status, String detail, boolean replayable) {}

    public record SubscriptionView(
            String id,
            String host,
            String url,
            String format,
            List<String> events,
            Labels.Tag status,
            String description,
            String reason,
            boolean paused,
            boolean active,
            long version,
            List<DeliveryRow> deliveries,
            String secret,
            String banner,
            Errors errors) {}

    public record NewPage(
            String key,
            String url,
            String description,
            List<uk.sse.web.forms.Choice> formats,
            List<uk.sse.web.forms.Choice> groups,
            Errors errors) {}
}
