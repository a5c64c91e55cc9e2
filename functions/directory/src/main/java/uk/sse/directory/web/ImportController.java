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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import uk.sse.directory.application.ImportSchoolRegister;
import uk.sse.directory.imports.ImportCounts;
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
 * Imports of the school register as jobs (the registrar's): ask for an upload, send the file to the presigned URL
 * the answer gives, then follow the job. The same jobs come from the daily fetch.
 */
@Controller("/schools/imports")
@Tag(name = "schools")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ImportController {

    private static final String KIND = ImportSchoolRegister.KIND;
    private static final String JOB_ID = "(imp_" + Ids.BODY + "|schools-[0-9]{8})";

    private final StartImportJob start;
    private final ReadImportJobs read;

    public ImportController(StartImportJob start, ReadImportJobs read) {
        this.start = start;
        this.read = read;
    }

    /**
     * An import to come. {@code scope}: {@code PART} (the default) imports the rows as given; {@code WHOLE} says the
     * file is the whole register (GIAS's {@code edubasealldata}), so the open schools it lacks are closed.
     */
    @Serdeable
    public record ImportRequest(
            @Nullable @Size(max = 200) @Pattern(regexp = "[^/\\\\\\p{Cntrl}]*", message = "must be a file name")
            String fileName,

            @Nullable ImportJob.Scope scope) {}

    /** An import's progress and outcome, as a page shows it. */
    @Serdeable
    public record ImportView(
            String id,
            String kind,
            ImportJob.Scope scope,
            ImportJob.Source source,
            @Nullable String fileName,
            ImportJob.Status status,
            Instant createdAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            ImportCounts counts,
            long linesApplied,
            @Nullable String failure,
            List<String> warnings) {
        static ImportView of(ImportJob j) {
            return new ImportView(
                    j.id(),
                    j.kind(),
                    j.scope(),
                    j.source(),
                    j.fileName(),
                    j.status(),
                    j.createdAt(),
                    j.startedAt(),
                    j.finishedAt(),
                    j.counts(),
                    j.checkpoint(),
                    j.failure(),
                    j.warnings());
        }
    }

    /** The new import, and where to send its file: {@code PUT upload.url} with {@code upload.headers}, before {@code upload.expiresAt}. */
    @Serdeable
    public record Started(ImportView job, Upload upload) {
        static Started of(StartImportJob.Started s) {
            return new Started(
                    ImportView.of(s.job()),
                    new Upload(
                            s.upload().url(),
                            s.upload().method(),
                            s.upload().headers(),
                            s.upload().expiresAt()));
        }
    }

    @Serdeable
    public record Upload(String url, String method, Map<String, String> headers, Instant expiresAt) {}

    @Post
    @ApiResponse(
            responseCode = "201",
            description = "the job, AWAITING_FILE, and where to upload its file",
            content = @Content(schema = @Schema(implementation = Started.class)))
    public HttpResponse<?> create(@Authenticated Caller caller, @Body @Valid ImportRequest request) {
        return Responses.created(start.upload(
                        caller,
                        KIND,
                        request.fileName(),
                        request.scope() == null ? ImportJob.Scope.PART : request.scope())
                .map(Started::of));
    }

    /** The register's imports, newest first: {@code items} (each as {@code GET /schools/imports/{id}} answers it) and {@code next}. */
    @Get
    public HttpResponse<?> recent(
            @Authenticated Caller caller,
            @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) int limit,
            @Nullable @QueryValue String cursor) {
        return Responses.ok(Paging.page(limit, cursor)
                .flatMap(page -> read.recent(caller, KIND, page))
                .map(p -> new Page<>(p.items().stream().map(ImportView::of).toList(), p.next())));
    }

    /** An import's progress ({@code status}, {@code linesApplied}, {@code counts}) and outcome ({@code failure}, {@code warnings}). */
    @Get("/{id}")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportView.class)))
    public HttpResponse<?> one(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = JOB_ID, message = "must be an import id") String id) {
        return Responses.ok(read.one(caller, KIND, id).map(ImportView::of));
    }

    /** The rows the import did not apply: {@code items} of line, key (the URN as written) and reason, by line. At most 1,000 are kept; {@code counts.rejected} counts them all. */
    @Get("/{id}/rejected")
    public HttpResponse<?> rejected(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = JOB_ID, message = "must be an import id") String id,
            @QueryValue(defaultValue = "100") int limit,
            @Nullable @QueryValue String cursor) {
        return Responses.ok(Paging.page(limit, cursor).flatMap(page -> read.rejections(caller, KIND, id, page)));
    }
}
