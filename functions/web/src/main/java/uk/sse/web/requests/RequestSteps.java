package uk.sse.web.requests;

import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Brokerage;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.Form;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.session.Person;

/** Reading a request as the person may see it, and taking a step on it (POST-redirect-GET back to its page). */
@Singleton
public class RequestSteps {

    static final String ID = "[A-Za-z0-9_-]{1,48}";

    private final Api api;

    public RequestSteps(Api api) {
        this.api = api;
    }

    /** The request, or "page not found" when it does not exist or is not the person's to see. */
    public Brokerage.Request read(Person person, String id) {
        if (id == null || !id.matches(ID)) {
            throw new PageNotFound("request " + id);
        }
        ApiReply reply = api.get(person, Paths.of("/requests/", id).toString());
        if (reply.missing() || reply.refused()) {
            throw new PageNotFound("request " + id);
        }
        return reply.as(Brokerage.Request.class);
    }

    /** A step on the request: on success back to its page with a banner; refused, the page the refusal is shown on. */
    public HttpResponse<?> step(
            Person person,
            String id,
            String path,
            Map<String, Object> body,
            String done,
            Function<ApiReply, HttpResponse<?>> onRefusal) {
        if (!id.matches(ID)) {
            throw new PageNotFound("request " + id);
        }
        ApiReply reply = api.post(person, Paths.of("/requests/", id).toString() + path, body, Map.of());
        if (reply.ok()) {
            return HttpResponse.seeOther(URI.create("/support-requests/" + Paths.encode(id) + "?done=" + done));
        }
        if (reply.missing() && !"unknown-proposal".equals(reply.problemCode())) {
            throw new PageNotFound("request " + id);
        }
        if (reply.refused() || reply.missing()) {
            return onRefusal.apply(reply);
        }
        throw reply.unavailable();
    }

    /** The version the page was rendered with: what the person decided on. */
    public static long version(Map<String, Object> body) {
        String v = Form.ofBody(body).text("version");
        return v.matches("[0-9]{1,12}") ? Long.parseLong(v) : 0;
    }
}
