package uk.sse.notifier.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.OptionalLong;
import uk.sse.kernel.http.ETags;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.Paging;
import uk.sse.kernel.problem.Problems;
import uk.sse.notifier.application.ChangeSubscription;
import uk.sse.notifier.application.ReadSubscriptions;
import uk.sse.notifier.application.SendTestMessage;
import uk.sse.notifier.application.Subscribe;
import uk.sse.notifier.model.Subscription;

/** Webhook subscriptions of the caller's area: make, list, read, change, pause, resume, rotate the secret, test, delete. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "subscriptions")
public class SubscriptionController {

    private final Subscribe subscribe;
    private final ChangeSubscription change;
    private final ReadSubscriptions read;
    private final SendTestMessage test;
    private final Clock clock;

    public SubscriptionController(
            Subscribe subscribe, ChangeSubscription change, ReadSubscriptions read, SendTestMessage test, Clock clock) {
        this.subscribe = subscribe;
        this.change = change;
        this.read = read;
        this.test = test;
        this.clock = clock;
    }

    /**
     * Subscribes a URL to the caller's area's events. The answer carries the signing secret ({@code whsec_...}): it is
     * shown here and on rotation only. With an Idempotency-Key, a retry answers the same subscription and secret.
     */
    @Post("/subscriptions")
    public HttpResponse<?> create(
            @Authenticated Caller caller,
            @Body @Valid SubscriptionBody body,
            @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey) {
        if (idempotencyKey != null && IdempotencyKey.problemWith(idempotencyKey).isPresent()) {
            return Problems.invalid(
                    IdempotencyKey.HEADER,
                    IdempotencyKey.problemWith(idempotencyKey).get());
        }
        if (body.badUrgency() >= 0) {
            return Problems.invalid("/filters/urgencies/" + body.badUrgency(), "is null or named twice");
        }
        return Responses.of(
                subscribe.subscribe(caller, body.choice(), idempotencyKey),
                made -> secretShown(
                                HttpResponse.status(HttpStatus.CREATED)
                                        .body(Views.Created.of(made.subscription(), made.secret(), clock.instant())),
                                made.subscription())
                        .header(
                                HttpHeaders.LOCATION,
                                "/subscriptions/" + made.subscription().id())
                        .header("Idempotent-Replayed", Boolean.toString(made.replayed())));
    }

    /** The caller's area's subscriptions, oldest first. */
    @Get("/subscriptions")
    public HttpResponse<?> list(
            @Authenticated Caller caller,
            @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) int limit,
            @Nullable @QueryValue String cursor) {
        return Responses.of(
                Paging.page(limit, cursor).flatMap(page -> read.ofArea(caller, page)),
                page -> HttpResponse.ok(new Page<>(
                        page.items().stream()
                                .map(s -> Views.SubscriptionView.of(s, clock.instant()))
                                .toList(),
                        page.next())));
    }

    @Get("/subscriptions/{id}")
    public HttpResponse<?> one(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.SUBSCRIPTION, message = Shapes.SUBSCRIPTION_MESSAGE) String id) {
        return Responses.of(read.one(caller, id), this::withETag);
    }

    /** Replaces what the subscription asks for; needs the ETag last read. The URL is checked again. */
    @Put("/subscriptions/{id}")
    public HttpResponse<?> replace(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.SUBSCRIPTION, message = Shapes.SUBSCRIPTION_MESSAGE) String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
            @Body @Valid SubscriptionBody body) {
        return ETags.requiring(ifMatch, version -> {
            if (body.badUrgency() >= 0) {
                return Problems.invalid("/filters/urgencies/" + body.badUrgency(), "is null or named twice");
            }
            return Responses.of(change.replace(caller, id, version, body.choice()), this::withETag);
        });
    }

    /** Stops deliveries: none are made while paused, and those already scheduled are cancelled when they come due. */
    @Post("/subscriptions/{id}/pause")
    public HttpResponse<?> pause(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.SUBSCRIPTION, message = Shapes.SUBSCRIPTION_MESSAGE) String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return withOptionalVersion(ifMatch, version -> Responses.of(change.pause(caller, id, version), this::withETag));
    }

    /** Makes a paused subscription, or one the notifier disabled, active again (its URL is checked again first). */
    @Post("/subscriptions/{id}/resume")
    public HttpResponse<?> resume(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.SUBSCRIPTION, message = Shapes.SUBSCRIPTION_MESSAGE) String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return withOptionalVersion(
                ifMatch, version -> Responses.of(change.resume(caller, id, version), this::withETag));
    }

    /**
     * A new signing secret, shown in this answer only. The old one keeps signing beside it (two {@code v1,} signatures)
     * until {@code signing.previousSignsUntil}, so the receiver can switch without losing a message.
     */
    @Post("/subscriptions/{id}/rotate-secret")
    public HttpResponse<?> rotate(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.SUBSCRIPTION, message = Shapes.SUBSCRIPTION_MESSAGE) String id) {
        return Responses.of(
                change.rotate(caller, id),
                rotated -> secretShown(
                        HttpResponse.ok(Views.Created.of(rotated.subscription(), rotated.secret(), clock.instant())),
                        rotated.subscription()));
    }

    /** Sends a signed test message now, whatever the status, and answers how it went. It is not retried. */
    @Post("/subscriptions/{id}/test")
    public HttpResponse<?> test(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.SUBSCRIPTION, message = Shapes.SUBSCRIPTION_MESSAGE) String id) {
        return Responses.of(test.send(caller, id), traced -> HttpResponse.ok(Views.TracedView.of(traced)));
    }

    /** Deletes the subscription; its scheduled deliveries are cancelled when they come due. */
    @Delete("/subscriptions/{id}")
    public HttpResponse<?> delete(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.SUBSCRIPTION, message = Shapes.SUBSCRIPTION_MESSAGE) String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return withOptionalVersion(
                ifMatch, version -> Responses.of(change.delete(caller, id, version), gone -> HttpResponse.noContent()));
    }

    /** Where If-Match is optional: absent, the change is made whatever the version; present, it must be one of ours. */
    private static HttpResponse<?> withOptionalVersion(
            String ifMatch, java.util.function.Function<OptionalLong, HttpResponse<?>> then) {
        if (ifMatch == null) {
            return then.apply(OptionalLong.empty());
        }
        OptionalLong version = ETags.versionOf(ifMatch);
        return version.isPresent() ? then.apply(version) : Problems.invalid("If-Match", "is not an ETag this API gave");
    }

    private MutableHttpResponse<?> withETag(Subscription s) {
        return HttpResponse.ok(Views.SubscriptionView.of(s, clock.instant()))
                .header(HttpHeaders.ETAG, ETags.of(s.version()));
    }

    private static MutableHttpResponse<?> secretShown(MutableHttpResponse<?> response, Subscription s) {
        return response.header(HttpHeaders.ETAG, ETags.of(s.version())).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
