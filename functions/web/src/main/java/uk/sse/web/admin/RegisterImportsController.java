package uk.sse.web.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.List;
import java.util.Map;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * The registrar imports the school register (decision 0061): choose whether the file is the whole register or some
 * schools, and the directory makes a job and a presigned upload; the job's page sends the file straight from the
 * browser to that upload (sse.js, with its progress), follows the import while it runs, and reports what was created,
 * updated, unchanged and rejected, each rejected row with its line and why.
 */
@Controller("/register-imports")
@WebPages
public class RegisterImportsController {

    private final Pages pages;
    private final Api api;
    private final ImportJobPages jobs;

    public RegisterImportsController(Pages pages, Api api, ImportJobPages jobs) {
        this.pages = pages;
        this.api = api;
        this.jobs = jobs;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, Person person) {
        return listPage(request, person, "", Errors.none());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> start(HttpRequest<?> request, Person person, @Body Map<String, Object> body) {
        ImportJobPages.mustKeepTheRegister(person, ImportKind.SCHOOLS);
        String scope = Form.ofBody(body).text("scope");
        if (!scope.equals("PART") && !scope.equals("WHOLE")) {
            return listPage(
                    request,
                    person,
                    scope,
                    Errors.none().add("scope", "Choose whether the file is the whole register or some schools"));
        }
        ApiReply reply = api.post(person, ImportKind.SCHOOLS.api(), Map.of("scope", scope), Map.of());
        if (!reply.ok()) {
            throw reply.unavailable();
        }
        // the upload is answered once, with the job, so its page is shown here rather than after a redirect
        RegisterImports.Started started = reply.as(RegisterImports.Started.class);
        return jobPage(request, person, started.job().id(), started.upload());
    }

    @Get("/{id}")
    public HttpResponse<?> one(
            HttpRequest<?> request,
            Person person,
            @PathVariable String id,
            @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue String uploaded) {
        return jobPage(request, person, id, null, uploaded != null);
    }

    private HttpResponse<?> jobPage(HttpRequest<?> request, Person person, String id, RegisterImports.Upload upload) {
        return jobPage(request, person, id, upload, false);
    }

    private HttpResponse<?> jobPage(
            HttpRequest<?> request, Person person, String id, RegisterImports.Upload upload, boolean uploaded) {
        return jobs.job(request, person, ImportKind.SCHOOLS, id, upload, uploaded, RegisterImportsController::what);
    }

    private HttpResponse<?> listPage(HttpRequest<?> request, Person person, String scope, Errors errors) {
        List<RegisterImports.Row> rows = jobs.recent(person, ImportKind.SCHOOLS, RegisterImportsController::what);
        List<Choice> scopes = List.of(
                new Choice(
                        "PART",
                        "Some schools",
                        "Corrections and new schools; schools not in the file stay as they are",
                        scope.equals("PART")),
                new Choice(
                        "WHOLE",
                        "The whole register",
                        "Schools not in the file are marked closed",
                        scope.equals("WHOLE")));
        var page = new RegisterImports.ListPage(rows, scopes, errors);
        return errors.any()
                ? pages.invalid(request, "admin/register-imports", "Import the school register", page)
                : pages.ok(request, "admin/register-imports", "Import the school register", page);
    }

    private static String what(RegisterImports.Job j) {
        String scope = "WHOLE".equals(j.scope()) ? "The whole register" : "Some schools";
        return "SCHEDULE".equals(j.source())
                ? "The daily register file"
                : j.fileName() == null ? scope : scope + ": " + j.fileName();
    }
}
