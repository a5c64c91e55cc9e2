package uk.sse.directory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import java.util.List;
import java.util.OptionalLong;
import uk.sse.directory.application.BrowseOffers;
import uk.sse.directory.application.DirectoryPolicy;
import uk.sse.directory.application.DraftOffer;
import uk.sse.directory.application.MoveOfferThroughAssurance;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferStatus;
import uk.sse.kernel.http.ETags;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.identity.AdmitsServices;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.Paging;
import uk.sse.kernel.problem.Problems;

/** Offers of support and their way through quality assurance. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "offers")
public class OfferController {

    private final DraftOffer draft;
    private final MoveOfferThroughAssurance assurance;
    private final BrowseOffers browse;

    public OfferController(DraftOffer draft, MoveOfferThroughAssurance assurance, BrowseOffers browse) {
        this.draft = draft;
        this.assurance = assurance;
        this.browse = browse;
    }

    /**
     * Creates a draft. The provider defaults to the caller's own organisation. With an Idempotency-Key, a
     * retry of the same request answers with the offer the first one made.
     */
    @Post("/offers")
    public HttpResponse<?> create(
            @Authenticated Caller caller,
            @Body @Valid OfferBody body,
            @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey) {
        String providerId = body.providerId() != null ? body.providerId() : caller.organisation();
        if (providerId == null) {
            return Problems.invalid("/providerId", "name the provider: your token carries no organisation");
        }
        if (idempotencyKey != null && IdempotencyKey.problemWith(idempotencyKey).isPresent()) {
            return Problems.invalid(
                    IdempotencyKey.HEADER,
                    IdempotencyKey.problemWith(idempotencyKey).get());
        }
        return Responses.of(
                draft.draft(caller, providerId, body.toContent(), idempotencyKey),
                drafted -> withETag(caller, drafted.offer())
                        .status(HttpStatus.CREATED)
                        .header(
                                HttpHeaders.LOCATION,
                                "/offers/" + drafted.offer().id())
                        .header("Idempotent-Replayed", Boolean.toString(drafted.replayed())));
    }

    @Get("/offers/{id}")
    @AdmitsServices(ServiceScope.DIRECTORY_READ)
    public HttpResponse<?> one(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id) {
        return Responses.of(browse.one(caller, id), offer -> withETag(caller, offer));
    }

    /** Replaces the content; needs the ETag last read. An approved offer goes back for assurance. */
    @Put("/offers/{id}")
    public HttpResponse<?> edit(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
            @Body @Valid OfferBody body) {
        return ETags.requiring(
                ifMatch,
                version -> Responses.of(
                        assurance.edit(caller, id, version, body.toContent()), offer -> withETag(caller, offer)));
    }

    /** Submit, withdraw, or an assurer's decision. If-Match is optional here: the state machine guards the move. */
    @Post("/offers/{id}/assurance")
    public HttpResponse<?> decide(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
            @Body @Valid AssuranceBody body) {
        OptionalLong version = ETags.versionOf(ifMatch);
        if (ifMatch != null && version.isEmpty()) {
            return Problems.invalid("If-Match", "is not an ETag this API gave");
        }
        return Responses.of(
                assurance.decide(caller, id, version, body.action(), body.reason(), body.reviewDate()),
                offer -> withETag(caller, offer));
    }

    @Get("/offers/{id}/versions")
    public HttpResponse<?> versions(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id) {
        return Responses.ok(browse.versions(caller, id));
    }

    /**
     * Lists offers. Without {@code status}, the approved offers advisers may use (optionally in one area);
     * with {@code providerId}, that provider's; with another status, an area's offers in it (reviewers only).
     */
    @Get("/offers")
    public HttpResponse<?> list(
            @Authenticated Caller caller,
            @Nullable @QueryValue @Pattern(regexp = Patterns.AREA, message = Patterns.AREA_MESSAGE) String area,
            @Nullable @QueryValue OfferStatus status,
            @Nullable @QueryValue @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String providerId,
            @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) int limit,
            @Nullable @QueryValue String cursor) {
        Outcome<Page<Offer>> listing = Paging.page(limit, cursor).flatMap(page -> {
            if (providerId != null) {
                return Outcome.done(browse.ofProvider(caller, providerId, page));
            }
            if (status == null || status == OfferStatus.APPROVED && area == null) {
                return Outcome.done(browse.visible(area, page));
            }
            if (area == null) {
                return Outcome.invalid("area", "listing offers by status needs an area");
            }
            return browse.inStatus(caller, area, status, page);
        });
        return Responses.ok(listing.map(page ->
                new Page<>(page.items().stream().map(o -> forCaller(caller, o)).toList(), page.next())));
    }

    /** What awaits an assurer's decision in their area (or the area given, for an admin of it). */
    @Get("/assurance/queue")
    public HttpResponse<?> queue(
            @Authenticated Caller caller,
            @Nullable @QueryValue @Pattern(regexp = Patterns.AREA, message = Patterns.AREA_MESSAGE) String area,
            @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) int limit,
            @Nullable @QueryValue String cursor) {
        String inArea = area != null ? area : caller.area();
        if (inArea == null) {
            return Problems.invalid("area", "name the area: your token carries none");
        }
        return Responses.ok(Paging.page(limit, cursor)
                .flatMap(page -> browse.inStatus(caller, inArea, OfferStatus.SUBMITTED, page)));
    }

    private static MutableHttpResponse<?> withETag(@Authenticated Caller caller, Offer offer) {
        return HttpResponse.ok(new OfferView(forCaller(caller, offer), DirectoryPolicy.allowedActions(caller, offer)))
                .header(HttpHeaders.ETAG, ETags.of(offer.version()));
    }

    /** An offer as one caller reads it, with the moves this caller may make now ({@code allowedActions}). */
    @io.micronaut.serde.annotation.Serdeable
    record OfferView(
            @com.fasterxml.jackson.annotation.JsonUnwrapped Offer offer, List<String> allowedActions) {}

    /** Assurance history (with its reasons) is for the provider and the area's reviewers only. */
    private static Offer forCaller(@Authenticated Caller caller, Offer offer) {
        if (DirectoryPolicy.maySeeEveryState(caller, offer)) {
            return offer;
        }
        return new Offer(
                offer.id(),
                offer.providerId(),
                offer.providerName(),
                offer.providerType(),
                offer.area(),
                offer.designations(),
                offer.content(),
                offer.status(),
                offer.reviewDate(),
                List.of(),
                offer.version(),
                offer.createdAt(),
                offer.updatedAt(),
                offer.signals());
    }
}
