package uk.sse.directory.web;

import io.micronaut.core.annotation.Nullable;
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

    /** Schools whose name starts with {@code q} (or the school with that URN), optionally in one LA. */
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public List<School> search(
            @QueryValue @Size(min = 2, max = 100) String q,
            @Nullable @QueryValue @Pattern(regexp = "[0-9]{3}", message = "must be a 3-digit LA code") String la,
            @QueryValue(defaultValue = "20") @Min(1) @Max(50) int limit) {
        if (q.strip().matches(Patterns.URN)) {
            return schools.find(q.strip()).stream().toList();
        }
        return schools.withNameStarting(q, la, limit);
    }
}
