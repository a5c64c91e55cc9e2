package uk.sse.web.api;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import uk.sse.web.WebSettings;
import uk.sse.web.session.Person;

/**
 * The other functions' public HTTP APIs, called with the signed-in person's token, so every rule is enforced where it
 * lives (in AWS through the same HTTP API as any client; locally on the local server). Calls that can run side by side
 * are made asynchronously and joined.
 */
@Singleton
public class Api {

    private final HttpClient client;
    private final JsonMapper json;
    private final URI base;
    private final Duration timeout;

    public Api(WebSettings settings, JsonMapper json) {
        this.json = json;
        this.base = settings.apiUrl();
        this.timeout = settings.callTimeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ApiReply get(Person person, String pathAndQuery) {
        return join(getAsync(person, pathAndQuery));
    }

    public CompletableFuture<ApiReply> getAsync(Person person, String pathAndQuery) {
        return send(person, request(pathAndQuery).GET(), Map.of());
    }

    /** A GET asking for {@code accept} (a report as text/csv) rather than JSON. */
    public CompletableFuture<ApiReply> getAsync(Person person, String pathAndQuery, String accept) {
        return send(person, request(pathAndQuery).GET().setHeader("Accept", accept), Map.of());
    }

    public ApiReply post(Person person, String path, Object body, Map<String, String> headers) {
        return join(send(person, request(path).POST(body(body)).header("Content-Type", "application/json"), headers));
    }

    public ApiReply put(Person person, String path, Object body, Map<String, String> headers) {
        return join(send(person, request(path).PUT(body(body)).header("Content-Type", "application/json"), headers));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("an API path starts with /: " + pathAndQuery);
        }
        String root = base.toString().endsWith("/")
                ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return HttpRequest.newBuilder(URI.create(root + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json");
    }

    private HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    private CompletableFuture<ApiReply> send(Person person, HttpRequest.Builder request, Map<String, String> headers) {
        request.header("Authorization", person.authorization());
        person.hatHeader().forEach(request::header);
        headers.forEach(request::header);
        HttpRequest built = request.build();
        return client.sendAsync(built, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new ApiReply(
                        built.method() + " " + built.uri().getPath(),
                        r.statusCode(),
                        r.headers().map(),
                        r.body(),
                        json))
                .exceptionally(failure ->
                        ApiReply.unanswered(built.method() + " " + built.uri().getPath(), failure, json));
    }

    /** The reply of a call made asynchronously. */
    public static ApiReply join(CompletableFuture<ApiReply> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            throw new ApiUnavailable("a call failed: " + e.getCause(), e.getCause());
        }
    }
}
