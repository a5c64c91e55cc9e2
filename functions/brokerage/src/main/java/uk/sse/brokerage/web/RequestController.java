package uk.sse.brokerage.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import uk.sse.brokerage.application.Actors;
import uk.sse.brokerage.application.RaiseRequest;
import uk.sse.brokerage.application.ReadRequests;
import uk.sse.brokerage.application.RequestFilter;
import uk.sse.brokerage.model.RequestStatus;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.Paging;
import uk.sse.kernel.problem.Problems;
import uk.sse.kernel.taxonomy.Taxonomy;

/** Raising requests, and reading them: one, the broker's queue, an area's, a school's, a provider's. */
@Controller("/requests")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "requests")
public class RequestController {

    private final RaiseRequest raise;
    private final ReadRequests read;
    private final Clock clock;

    public RequestController(RaiseRequest raise, ReadRequests read, Clock clock) {
        this.raise = raise;
        this.read = read;
        this.clock = clock;
    }

    /**
     * An adviser raises a request for a school in their area. The {@code Idempotency-Key} header is required: a retry
     * with the same key and body answers the request the first try made ({@code Idempotent-Replayed: true}). A school's
     * own member may raise one for their school alone, where an area the school belongs to lets its schools do so (else
     * 403); it goes to that area's queue with {@code raisedBySchool: true}. A school the register says is closed gets
     * none (422 naming {@code /urn}).
     */
    @Post
    public HttpResponse<?> create(
            @Authenticated Caller caller,
            @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey,
            @Body @Valid RaiseBody body) {
        if (idempotencyKey == null || IdempotencyKey.problemWith(idempotencyKey).isPresent()) {
            return Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "brokerage/idempotency-key",
                    "send an Idempotency-Key header with each new request",
                    List.of(new uk.sse.kernel.problem.Problem.FieldError(
                            IdempotencyKey.HEADER,
                            IdempotencyKey.problemWith(idempotencyKey).orElse("is required"))),
                    null);
        }
        return Responses.of(
                raise.raise(caller, body.form(), idempotencyKey),
                raised -> BrokerageAnswers.request(
                                raised.request(),
                                Actors.of(caller, raised.request()),
                                raised.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                        .header(
                                HttpHeaders.LOCATION,
                                "/requests/" + raised.request().id())
                        .header("Idempotent-Replayed", Boolean.toString(raised.replayed()))
                        .header("Suggestions-Unavailable", Boolean.toString(raised.suggestionsUnavailable())));
    }

    @Get("/{id}")
    public HttpResponse<?> one(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.REQUEST, message = Shapes.REQUEST_MESSAGE) String id) {
        return Responses.of(
                read.one(caller, id), r -> BrokerageAnswers.request(r, Actors.of(caller, r), HttpStatus.OK));
    }

    /**
     * A listing: {@code queue} (a broker's default: the area's requests not yet evaluated, cancelled or withdrawn, most
     * urgent then oldest first), {@code area} (an adviser's or admin's default: all of the area's, newest first),
     * {@code school} (a school's default: its own) or {@code addressed} (a provider's: those with proposals to it);
     * {@code mine=true} keeps those the caller raised (an adviser's own), and those the area's schools raised for
     * themselves, which are their advisers' to follow.
     */
    @Get
    public HttpResponse<?> list(
            @Authenticated Caller caller,
            @Nullable
                    @QueryValue
                    @Pattern(
                            regexp = "queue|area|school|addressed",
                            message = "must be queue, area, school or addressed")
                    String listing,
            @Nullable @QueryValue @Size(max = 9) List<RequestStatus> status,
            @Nullable @QueryValue @Size(max = 64) String areaOfSupport,
            @Nullable @QueryValue @Pattern(regexp = Shapes.URN, message = Shapes.URN_MESSAGE) String urn,
            @Nullable @QueryValue @Min(0) @Max(3650) Integer olderThanDays,
            @Nullable @QueryValue Boolean mine,
            @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) int limit,
            @Nullable @QueryValue @Size(max = 2048) String cursor) {
        if (areaOfSupport != null && !Taxonomy.standard().isKnown(areaOfSupport)) {
            return Problems.invalid("areaOfSupport", "is not a code of the taxonomy (see /taxonomy)");
        }
        ReadRequests.Listing which = listing == null
                ? ReadRequests.defaultListing(caller)
                : ReadRequests.Listing.valueOf(listing.toUpperCase(java.util.Locale.ROOT));
        RequestFilter filter = new RequestFilter(
                status == null ? Set.of() : Set.copyOf(status),
                areaOfSupport,
                urn,
                olderThanDays == null ? null : clock.instant().minus(Duration.ofDays(olderThanDays)),
                Boolean.TRUE.equals(mine) ? caller.subject() : null);
        Outcome<Page<RequestView>> page = Paging.page(limit, cursor).flatMap(p -> {
            try {
                return read.list(caller, which, filter, p)
                        .map(found -> new Page<>(
                                found.items().stream()
                                        .map(r -> RequestView.of(r, Actors.of(caller, r)))
                                        .toList(),
                                found.next()));
            } catch (IllegalArgumentException badCursor) {
                return Outcome.invalid("cursor", badCursor.getMessage());
            }
        });
        return Responses.of(page, HttpResponse::ok);
    }
}
