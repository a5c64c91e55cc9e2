package uk.sse.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.Map;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * The registrar loads the postcode directory (OS Code-Point Open) as they import the register: start an import, and the
 * directory makes a job and a presigned upload; the job's page sends the file straight from the browser to it and
 * follows the import to its report of postcodes added, moved, unchanged and removed, and rows rejected (decisions 0054,
 * 0098).
 */
@Controller("/postcode-imports")
@WebPages
public class PostcodeImportsController {

    private final Pages pages;
    private final Api api;
    private final ImportJobPages jobs;

    public PostcodeImportsController(Pages pages, Api api, ImportJobPages jobs) {
        this.pages = pages;
        this.api = api;
        this.jobs = jobs;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, Person person) {
        var page = new RegisterImports.PostcodesPage(
                jobs.recent(person, ImportKind.POSTCODES, PostcodeImportsController::what));
        return pages.ok(request, "admin/postcode-imports", "Load the postcode directory", page);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> start(HttpRequest<?> request, Person person) {
        ImportJobPages.mustKeepTheRegister(person, ImportKind.POSTCODES);
        ApiReply reply = api.post(person, ImportKind.POSTCODES.api(), Map.of(), Map.of());
        if (!reply.ok()) {
            throw reply.unavailable();
        }
        // the upload is answered once, with the job, so its page is shown here rather than after a redirect
        RegisterImports.Started started = reply.as(RegisterImports.Started.class);
        return jobs.job(
                request,
                person,
                ImportKind.POSTCODES,
                started.job().id(),
                started.upload(),
                false,
                PostcodeImportsController::what);
    }

    @Get("/{id}")
    public HttpResponse<?> one(
            HttpRequest<?> request, Person person, @PathVariable String id, @Nullable @QueryValue String uploaded) {
        return jobs.job(
                request, person, ImportKind.POSTCODES, id, null, uploaded != null, PostcodeImportsController::what);
    }

    private static String what(RegisterImports.Job j) {
        return j.fileName() == null ? "The postcode directory" : "The postcode directory: " + j.fileName();
    }
}
