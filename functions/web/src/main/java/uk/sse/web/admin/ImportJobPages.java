package uk.sse.web.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import uk.sse.kernel.identity.Role;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Paths;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * The registrar's pages of an import job, whatever the kind of file: the job (its upload while it waits for the file,
 * its progress while it runs, then its report and rejected rows) and the recent jobs of the kind.
 */
@Singleton
class ImportJobPages {

    private final Pages pages;
    private final Api api;

    ImportJobPages(Pages pages, Api api) {
        this.pages = pages;
        this.api = api;
    }

    /** {@code uploaded}: the browser has just sent the file, so a job still waiting for it is about to start. */
    HttpResponse<?> job(
            HttpRequest<?> request,
            Person person,
            ImportKind kind,
            String id,
            RegisterImports.Upload upload,
            boolean uploaded,
            Function<RegisterImports.Job, String> what) {
        mustKeepTheRegister(person, kind);
        if (!id.matches(kind.id())) {
            throw new PageNotFound(kind.caption() + " " + id);
        }
        CompletableFuture<ApiReply> jobCall =
                api.getAsync(person, Paths.of(kind.api() + "/", id).toString());
        CompletableFuture<ApiReply> rejectedCall = api.getAsync(
                person,
                Paths.of(kind.api() + "/", id, "/rejected").query("limit", 100).toString());
        ApiReply reply = Api.join(jobCall);
        if (!reply.ok()) {
            throw reply.missing() || reply.refused()
                    ? new PageNotFound(kind.caption() + " " + id)
                    : reply.unavailable();
        }
        RegisterImports.Job job = reply.as(RegisterImports.Job.class);
        boolean awaiting = "AWAITING_FILE".equals(job.status()) && upload != null;
        String uploadUrl = awaiting ? upload.url() : null;
        String contentType = awaiting ? upload.headers().getOrDefault("Content-Type", "text/csv") : "text/csv";
        ApiReply rejectedReply = Api.join(rejectedCall);
        List<RegisterImports.Rejected> rejected = rejectedReply.ok()
                ? rejectedReply.as(RegisterImports.RejectedPage.class).items()
                : List.of();
        var page = new RegisterImports.JobView(
                job.id(),
                what.apply(job),
                status(job.status()),
                "AWAITING_FILE".equals(job.status()),
                "RUNNING".equals(job.status()) || uploaded && "AWAITING_FILE".equals(job.status()),
                uploadUrl,
                contentType,
                job.linesApplied(),
                kind.counts(job.counts()),
                rejected,
                job.counts().rejected(),
                job.failure(),
                job.warnings() == null ? List.of() : job.warnings(),
                kind);
        return pages.ok(request, "admin/register-import", kind.caption(), page);
    }

    /** The kind's ten most recent jobs, newest first. */
    List<RegisterImports.Row> recent(Person person, ImportKind kind, Function<RegisterImports.Job, String> what) {
        mustKeepTheRegister(person, kind);
        ApiReply reply = api.get(person, Paths.of(kind.api()).query("limit", 10).toString());
        return reply.ok()
                ? reply.as(RegisterImports.JobPage.class).items().stream()
                        .map(j -> new RegisterImports.Row(
                                kind.page() + "/" + Paths.encode(j.id()),
                                what.apply(j),
                                Labels.dayAndTime(j.createdAt()),
                                status(j.status()),
                                j.counts().created() + " created, " + j.counts().updated() + " updated, "
                                        + j.counts().unchanged() + " unchanged, "
                                        + j.counts().rejected() + " rejected"))
                        .toList()
                : List.of();
    }

    /** The registrar keeps the register and the postcode directory (decision 0060); to anyone else there is no page. */
    static void mustKeepTheRegister(Person person, ImportKind kind) {
        if (!person.caller().is(Role.REGISTRAR)) {
            throw new PageNotFound(kind.listName());
        }
    }

    static Labels.Tag status(String status) {
        return switch (status) {
            case "AWAITING_FILE" -> new Labels.Tag("Waiting for the file", "blue");
            case "RUNNING" -> new Labels.Tag("Importing", "yellow");
            case "SUCCEEDED" -> new Labels.Tag("Done", "green");
            default -> new Labels.Tag("Failed", "red");
        };
    }
}
