package uk.sse.directory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.util.List;
import uk.sse.directory.application.ImportSchoolRegister;
import uk.sse.directory.application.SchoolStore;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolStatus;
import uk.sse.directory.search.StatusParameter;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.AdmitsServices;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.kernel.outcome.Outcome;

/** The school register: import (the registrar), and look-ups for picking the school being visited. */
@Controller("/schools")
@Tag(name = "schools")
public class SchoolController {

    private final ImportSchoolRegister importer;
    private final SchoolStore schools;
    private final uk.sse.directory.application.KeepAreas areas;

    public SchoolController(
            ImportSchoolRegister importer, SchoolStore schools, uk.sse.directory.application.KeepAreas areas) {
        this.importer = importer;
        this.schools = schools;
        this.areas = areas;
    }

    /**
     * A small GIAS establishment CSV (Windows-1252 or UTF-8, up to the 6 MB a request may carry), imported at once:
     * corrections, a few new schools. The whole register goes through an import job ({@code /schools/imports}).
     */
    @Post(
            value = "/import",
            consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Secured({"REGISTRAR"})
    public HttpResponse<?> importRegister(@Body byte[] csv) {
        return Responses.ok(importer.importFile(new ByteArrayInputStream(csv)));
    }

    /** The school, with the ids of the areas it belongs to ({@code areas}: its LA's and every defined one admitting it). */
    @Get("/{urn}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @AdmitsServices(ServiceScope.DIRECTORY_READ)
    public HttpResponse<?> one(
            @PathVariable @Pattern(regexp = Patterns.URN, message = Patterns.URN_MESSAGE) String urn) {
        return Responses.ok(schools.find(urn)
                .<Outcome<SchoolView>>map(s -> Outcome.done(new SchoolView(
                        s,
                        areas.areasOf(new uk.sse.kernel.area.SchoolFacts(
                                s.urn(),
                                s.laCode(),
                                s.trust() == null ? null : s.trust().code())))))
                .orElseGet(() -> Outcome.notFound("school " + urn)));
    }

    /** A school of the register and the areas it belongs to (decision 0082). */
    @io.micronaut.serde.annotation.Serdeable
    record SchoolView(
            @com.fasterxml.jackson.annotation.JsonUnwrapped School school, List<String> areas) {}

    /**
     * Schools whose name starts with {@code q} (or the school with that URN), optionally in one LA. Open schools only
     * unless {@code status} is {@code closed} or {@code all}; a URN finds its school, open or closed, unless a
     * {@code status} is given (as {@code /schools/search}, decision 0087).
     */
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = School.class))))
    public HttpResponse<?> search(
            @QueryValue @Size(min = 2, max = 100) String q,
            @Nullable @QueryValue @Pattern(regexp = "[0-9]{3}", message = "must be a 3-digit LA code") String la,
            @Nullable @QueryValue @Pattern(regexp = SchoolStatus.WORDS, message = SchoolStatus.MESSAGE) String status,
            @QueryValue(defaultValue = "20") @Min(1) @Max(50) int limit,
            HttpRequest<?> request) {
        return switch (StatusParameter.read(request, status)) {
            case StatusParameter.Refused refused -> refused.problem();
            case StatusParameter.Given given -> HttpResponse.ok(named(q.strip(), la, given.status(), limit));
        };
    }

    private List<School> named(String q, String la, SchoolStatus asked, int limit) {
        boolean byUrn = q.matches(Patterns.URN);
        SchoolStatus listed = SchoolStatus.listed(asked, byUrn);
        return byUrn
                ? schools.find(q).filter(listed::admits).stream().toList()
                : schools.withNameStarting(q, la, listed, limit);
    }
}
