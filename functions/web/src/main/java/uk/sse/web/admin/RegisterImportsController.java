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
import java.util.concurrent.CompletableFuture;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.ids.Ids;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
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

    private static final String ID = "(imp_" + Ids.BODY + "|schools-[0-9]{8})";

    private final Pages pages;
    private final Api api;

    public RegisterImportsController(Pages pages, Api api) {
        this.pages = pages;
        this.api = api;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, Person person) {
        return listPage(request, person, "", Errors.none());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> start(HttpRequest<?> request, Person person, @Body Map<String, Object> body) {
        mustKeepTheRegister(person);
        String scope = Form.ofBody(body).text("scope");
        if (!scope.equals("PART") && !scope.equals("WHOLE")) {
            return listPage(
                    request,
                    person,
                    scope,
                    Errors.none().add("scope", "Choose whether the file is the whole register or some schools"));
        }
        ApiReply reply = api.post(person, "/schools/imports", Map.of("scope", scope), Map.of());
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

    /** {@code uploaded}: the browser has just sent the file, so a job still waiting for it is about to start. */
    private HttpResponse<?> jobPage(
            HttpRequest<?> request, Person person, String id, RegisterImports.Upload upload, boolean uploaded) {
        mustKeepTheRegister(person);
        if (!id.matches(ID)) {
            throw new PageNotFound("import " + id);
        }
        CompletableFuture<ApiReply> jobCall =
                api.getAsync(person, Paths.of("/schools/imports/", id).toString());
        CompletableFuture<ApiReply> rejectedCall = api.getAsync(
                person,
                Paths.of("/schools/imports/", id, "/rejected")
                        .query("limit", 100)
                        .toString());
        ApiReply reply = Api.join(jobCall);
        if (!reply.ok()) {
            throw reply.missing() || reply.refused() ? new PageNotFound("import " + id) : reply.unavailable();
        }
        RegisterImports.Job job = reply.as(RegisterImports.Job.class);
        boolean awaiting = "AWAITING_FILE".equals(job.status()) && upload != null;
        String uploadUrl = awaiting ? upload.url() : null;
        String contentType = awaiting ? upload.headers().getOrDefault("Content-Type", "text/csv") : "text/csv";
        ApiReply rejectedReply = Api.join(rejectedCall);
        List<RegisterImports.Rejected> rejected = rejectedReply.ok()
                ? rejectedReply.as(RegisterImports.RejectedPage.class).items()
                : List.of();
        RegisterImports.Counts c = job.counts();
        List<RegisterImports.Count> counts = List.of(
                new RegisterImports.Count("Rows read", c.read()),
                new RegisterImports.Count("Schools created", c.created()),
                new RegisterImports.Count("Schools updated", c.updated()),
                new RegisterImports.Count("Schools unchanged", c.unchanged()),
                new RegisterImports.Count("Rows rejected", c.rejected()),
                new RegisterImports.Count("Schools closed", c.closed()),
                new RegisterImports.Count("Schools moved", c.moved()));
        var page = new RegisterImports.JobView(
                job.id(),
                what(job),
                status(job.status()),
                "AWAITING_FILE".equals(job.status()),
                "RUNNING".equals(job.status()) || uploaded && "AWAITING_FILE".equals(job.status()),
                uploadUrl,
                contentType,
                job.linesApplied(),
                counts,
                rejected,
                c.rejected(),
                job.failure(),
                job.warnings() == null ? List.of() : job.warnings());
        return pages.ok(request, "admin/register-import", "Register import", page);
    }

    private HttpResponse<?> listPage(HttpRequest<?> request, Person person, String scope, Errors errors) {
        mustKeepTheRegister(person);
        ApiReply reply =
                api.get(person, Paths.of("/schools/imports").query("limit", 10).toString());
        List<RegisterImports.Row> rows = reply.ok()
                ? reply.as(RegisterImports.JobPage.class).items().stream()
                        .map(j -> new RegisterImports.Row(
                                "/register-imports/" + Paths.encode(j.id()),
                                what(j),
                                Labels.dayAndTime(j.createdAt()),
                                status(j.status()),
                                j.counts().created() + " created, " + j.counts().updated() + " updated, "
                                        + j.counts().unchanged() + " unchanged, "
                                        + j.counts().rejected() + " rejected"))
                        .toList()
                : List.of();
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

    private static void mustKeepTheRegister(Person person) {
        if (!person.caller().is(Role.REGISTRAR)) {
            throw new PageNotFound("register imports");
        }
    }

    private static String what(RegisterImports.Job j) {
        String scope = "WHOLE".equals(j.scope()) ? "The whole register" : "Some schools";
        return "SCHEDULE".equals(j.source())
                ? "The daily register file"
                : j.fileName() == null ? scope : scope + ": " + j.fileName();
    }

    private static Labels.Tag status(String status) {
        return switch (status) {
            case "AWAITING_FILE" -> new Labels.Tag("Waiting for the file", "blue");
            case "RUNNING" -> new Labels.Tag("Importing", "yellow");
            case "SUCCEEDED" -> new Labels.Tag("Done", "green");
            default -> new Labels.Tag("Failed", "red");
        };
    }
}
