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
import uk.sse.directory.application.DirectoryPolicy;
import uk.sse.directory.application.ProviderStore;
import uk.sse.directory.application.RegisterProvider;
import uk.sse.directory.application.ReviseProvider;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.http.ETags;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.paging.Paging;

/** Organisations that offer support. */
@Controller("/providers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "providers")
public class ProviderController {

    private final RegisterProvider register;
    private final ReviseProvider revise;
    private final ProviderStore providers;

    public ProviderController(RegisterProvider register, ReviseProvider revise, ProviderStore providers) {
        this.register = register;
        this.revise = revise;
        this.providers = providers;
    }

    @Post
    public HttpResponse<?> register(@Authenticated Caller caller, @Body @Valid ProviderBody body) {
        return Responses.of(
                register.register(caller, body.toDraft()),
                r -> withETag(caller, r.provider())
                        .status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                        .header(
                                HttpHeaders.LOCATION,
                                "/providers/" + r.provider().id()));
    }

    @Get("/{id}")
    public HttpResponse<?> one(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id) {
        return Responses.of(
                providers.find(id).map(Outcome::done).orElseGet(() -> Outcome.notFound("provider " + id)),
                p -> withETag(caller, p));
    }

    @Put("/{id}")
    public HttpResponse<?> revise(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
            @Body @Valid ProviderBody body) {
        return ETags.requiring(
                ifMatch,
                version -> Responses.of(revise.revise(caller, id, version, body.toDraft()), p -> withETag(caller, p)));
    }

    /**
     * An assurer of the provider's area verifies which of its claimed designations hold (If-Match: the version read);
     * only those are shown on its offers and weighed by search. An assurer never verifies their own organisation's.
     */
    @Put("/{id}/designations")
    public HttpResponse<?> verifyDesignations(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
            @Body @Valid DesignationsBody body) {
        return ETags.requiring(
                ifMatch,
                version -> Responses.of(
                        revise.verifyDesignations(caller, id, version, body.verifiedList()), p -> withETag(caller, p)));
    }

    /**
     * An assurer of the provider's area refuses one of its claims not yet verified, with the reason the provider will read
     * (If-Match: the version read): the claim is withdrawn and the refusal kept with who and when, under
     * {@code refusedDesignations}, until the provider claims the designation again.
     */
    @Post("/{id}/designations/refusals")
    public HttpResponse<?> refuseDesignation(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
            @Body @Valid RefusalBody body) {
        return ETags.requiring(
                ifMatch,
                version -> Responses.of(
                        revise.refuseDesignation(caller, id, version, body.designation(), body.reason()),
                        p -> withETag(caller, p)));
    }

    @Get
    public HttpResponse<?> inArea(
            @Authenticated Caller caller,
            @QueryValue @Pattern(regexp = Patterns.AREA, message = Patterns.AREA_MESSAGE) String area,
            @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) int limit,
            @Nullable @QueryValue String cursor) {
        return Responses.ok(Paging.page(limit, cursor).map(page -> providers.inArea(area, page)));
    }

    private static MutableHttpResponse<?> withETag(Caller caller, Provider p) {
        return HttpResponse.ok(new ProviderView(p, DirectoryPolicy.allowedActions(caller, p)))
                .header(HttpHeaders.ETAG, ETags.of(p.version()));
    }

    /** A provider as one caller reads it, with what this caller may do to it now ({@code allowedActions}). */
    @io.micronaut.serde.annotation.Serdeable
    record ProviderView(
            @com.fasterxml.jackson.annotation.JsonUnwrapped Provider provider, List<String> allowedActions) {}
}
