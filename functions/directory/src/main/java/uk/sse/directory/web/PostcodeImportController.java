package uk.sse.directory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.sse.directory.application.ImportPostcodes;
import uk.sse.directory.imports.ImportJob;
import uk.sse.directory.imports.ReadImportJobs;
import uk.sse.directory.imports.StartImportJob;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.Paging;

/**
 * Imports of the postcode directory (OS Code-Point Open) as jobs, the registrar's as the register's are (decision
 * 0061): ask for an upload, send the file (one CSV with a header, plain or gzipped, or OS's zip) to the presigned URL
 * the answer gives, then follow the job. Its counts are of postcodes: created, updated (moved), unchanged, rejected.
 */
@Controller("/postcodes/imports")
@Tag(name = "postcodes")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PostcodeImportController {

    private static final String KIND = ImportPostcodes.KIND;
    private static final String JOB_ID = "imp_" + Ids.BODY;

    private final StartImportJob start;
    private final ReadImportJobs read;

    public PostcodeImportController(StartImportJob start, ReadImportJobs read) {
        this.start = start;
        this.read = read;
    }

    /** A postcode import to come: the file's name, shown with the job. */
    @Serdeable
    public record PostcodeImportRequest(
            @Nullable @Size(max = 200) @Pattern(regexp = "[^/\\\\\\p{Cntrl}]*", message = "must be a file name")
            String fileName) {}

    @Post
    @ApiResponse(
            responseCode = "201",
            description = "the job, AWAITING_FILE, and where to upload its file",
            content = @Content(schema = @Schema(implementation = ImportController.Started.class)))
    public HttpResponse<?> startPostcodeImport(
            @Authenticated Caller caller, @Body @Valid PostcodeImportRequest request) {
        return Responses.created(start.upload(caller, KIND, request.fileName(), ImportJob.Scope.PART)
                .map(ImportController.Started::of));
    }

    /** The postcode directory's imports, newest first: {@code items} and {@code next}. */
    @Get
    public HttpResponse<?> recentPostcodeImports(
            @Authenticated Caller caller,
            @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) int limit,
            @Nullable @QueryValue String cursor) {
        return Responses.ok(Paging.page(limit, cursor)
                .flatMap(page -> read.recent(caller, KIND, page))
                .map(p -> new Page<>(
                        p.items().stream().map(ImportController.ImportView::of).toList(), p.next())));
    }

    /** A postcode import's progress ({@code status}, {@code linesApplied}, {@code counts}) and outcome ({@code failure}). */
    @Get("/{id}")
    @ApiResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = ImportController.ImportView.class)))
    public HttpResponse<?> postcodeImport(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = JOB_ID, message = "must be an import id") String id) {
        return Responses.ok(read.one(caller, KIND, id).map(ImportController.ImportView::of));
    }

    /** The rows the import did not apply: {@code items} of line, key (the postcode as written) and reason, by line. At most 1,000 are kept; {@code counts.rejected} counts them all. */
    @Get("/{id}/rejected")
    public HttpResponse<?> postcodeImportRejected(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = JOB_ID, message = "must be an import id") String id,
            @QueryValue(defaultValue = "100") int limit,
            @Nullable @QueryValue String cursor) {
        return Responses.ok(Paging.page(limit, cursor).flatMap(page -> read.rejections(caller, KIND, id, page)));
    }
}
