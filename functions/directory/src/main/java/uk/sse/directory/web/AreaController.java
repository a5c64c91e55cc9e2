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
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import uk.sse.directory.application.KeepAreas;
import uk.sse.directory.model.DirectoryArea;
import uk.sse.kernel.http.ETags;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.AdmitsServices;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.kernel.outcome.Outcome;

/** The register of areas (decision 0082): LAs, trusts, partnerships and hubs, with their membership rules and settings. */
@Controller("/areas")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "areas")
public class AreaController {

    private final KeepAreas areas;

    public AreaController(KeepAreas areas) {
        this.areas = areas;
    }

    /** Every defined area, by id (an LA's area needs no definition, so only those named or with settings are here). */
    @Get
    @AdmitsServices(ServiceScope.DIRECTORY_READ)
    public List<AreaView> all() {
        return areas.all().stream().map(AreaView::of).toList();
    }

    /** One area: defined, or an LA's (three digits), with its version as the ETag to change it with. */
    @Get("/{id}")
    @AdmitsServices(ServiceScope.DIRECTORY_READ)
    public HttpResponse<?> one(
            @PathVariable @Pattern(regexp = Patterns.AREA, message = Patterns.AREA_MESSAGE) String id) {
        return Responses.of(
                areas.find(id).map(Outcome::done).orElseGet(() -> Outcome.notFound("area " + id)),
                AreaController::withETag);
    }

    /**
     * Defines an area (the registrar; without If-Match, 201) or changes its definition (the registrar, or an admin of the
     * area; If-Match the ETag read). An LA's area has its LA code as id and that LA as its only rule; any other area's id
     * has a letter in it. Only the registrar changes an area's kind.
     */
    @Put("/{id}")
    public HttpResponse<?> define(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Patterns.AREA, message = Patterns.AREA_MESSAGE) String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
            @Body @Valid AreaBody body) {
        Optional<Long> version = Optional.empty();
        if (ifMatch != null) {
            OptionalLong read = ETags.versionOf(ifMatch);
            if (read.isEmpty()) {
                return uk.sse.kernel.problem.Problems.preconditionRequired(
                        "send If-Match with the ETag you last read, or none to define a new area");
            }
            version = Optional.of(read.getAsLong());
        }
        boolean isNew = version.isEmpty();
        return Responses.of(
                areas.define(caller, id, version, body.draft()),
                a -> withETag(a)
                        .status(isNew ? HttpStatus.CREATED : HttpStatus.OK)
                        .header(HttpHeaders.LOCATION, "/areas/" + a.id()));
    }

    private static MutableHttpResponse<?> withETag(DirectoryArea a) {
        return HttpResponse.ok(AreaView.of(a)).header(HttpHeaders.ETAG, ETags.of(a.version()));
    }

    /** An area as the API answers it; {@code version} 0 for one only configured or an LA's not defined. */
    @Serdeable
    public record AreaView(
            String id,
            String name,
            String kind,
            List<String> laCodes,
            List<String> trustCodes,
            List<String> urns,
            boolean schoolsRaiseRequests,
            long version) {
        static AreaView of(DirectoryArea a) {
            var r = a.area().rules();
            return new AreaView(
                    a.id(),
                    a.area().name(),
                    a.area().kind().name(),
                    r.laCodes().stream().sorted().toList(),
                    r.trustCodes().stream().sorted().toList(),
                    r.urns().stream().sorted().toList(),
                    a.schoolsRaiseRequests(),
                    a.version());
        }
    }
}
