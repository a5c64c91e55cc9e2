package uk.sse.notifier.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.Paging;
import uk.sse.notifier.application.ReadSubscriptions;
import uk.sse.notifier.application.ReplayDelivery;
import uk.sse.notifier.model.DeliveryStatus;

/** A subscription's deliveries, each with every attempt made at it, and replaying one. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "deliveries")
public class DeliveryController {

    private final ReadSubscriptions read;
    private final ReplayDelivery replay;

    public DeliveryController(ReadSubscriptions read, ReplayDelivery replay) {
        this.read = read;
        this.replay = replay;
    }

    /** Newest first; {@code status} keeps one status only. */
    @Get("/subscriptions/{id}/deliveries")
    public HttpResponse<?> deliveries(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.SUBSCRIPTION, message = Shapes.SUBSCRIPTION_MESSAGE) String id,
            @Nullable @QueryValue DeliveryStatus status,
            @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) int limit,
            @Nullable @QueryValue String cursor) {
        return Responses.of(
                Paging.page(limit, cursor).flatMap(page -> read.deliveries(caller, id, status, page)),
                page -> HttpResponse.ok(new Page<>(
                        page.items().stream().map(Views.DeliveryView::of).toList(), page.next())));
    }

    /** One delivery: its body and every attempt (time, status, latency, the answer's first bytes). */
    @Get("/subscriptions/{id}/deliveries/{deliveryId}")
    public HttpResponse<?> delivery(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.SUBSCRIPTION, message = Shapes.SUBSCRIPTION_MESSAGE) String id,
            @PathVariable @Pattern(regexp = Shapes.DELIVERY, message = Shapes.DELIVERY_MESSAGE) String deliveryId) {
        return Responses.of(
                read.delivery(caller, id, deliveryId), traced -> HttpResponse.ok(Views.TracedView.of(traced)));
    }

    /**
     * Sends a failed, cancelled or delivered message again, with the same {@code webhook-id} and body; the first attempt
     * is made now, and if it fails the retry schedule starts again.
     */
    @Post("/subscriptions/{id}/deliveries/{deliveryId}/replay")
    public HttpResponse<?> replay(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.SUBSCRIPTION, message = Shapes.SUBSCRIPTION_MESSAGE) String id,
            @PathVariable @Pattern(regexp = Shapes.DELIVERY, message = Shapes.DELIVERY_MESSAGE) String deliveryId) {
        return Responses.of(
                replay.replay(caller, id, deliveryId), traced -> HttpResponse.ok(Views.TracedView.of(traced)));
    }
}
