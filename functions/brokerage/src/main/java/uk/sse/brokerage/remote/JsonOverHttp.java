package uk.sse.brokerage.remote;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import uk.sse.brokerage.BrokerageSettings;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.CallerArgumentBinder;
import uk.sse.kernel.identity.service.ServiceCredentials;

/**
 * Calls another function's API as the brokerage itself: its own bearer token ({@link ServiceCredentials}), and the
 * person it acts for in the {@code Acting-*} headers, for the other function's record (in AWS through the same HTTP
 * API). Answers are read as JSON maps; a call that fails to connect, times out or answers 5xx is
 * {@link Reply#answered() not answered}.
 */
@Singleton
public class JsonOverHttp {

    /** An answer: its status and JSON body (empty if none or not JSON); status 0 if there was no answer. */
    public record Reply(int status, Map<String, Object> body, String failure) {

        public boolean answered() {
            return status > 0 && status < 500;
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The last part of a problem's type, e.g. {@code insufficient-funds}; empty if not a problem. */
        public String problemCode() {
            return body.get("type") instanceof String type ? type.substring(type.lastIndexOf('/') + 1) : "";
        }

        public String detail() {
            return body.get("detail") instanceof String d ? d : "status " + status;
        }
    }

    private final HttpClient client;
    private final JsonMapper json;
    private final Duration timeout;
    private final ServiceCredentials credentials;

    public JsonOverHttp(JsonMapper json, BrokerageSettings settings, ServiceCredentials credentials) {
        this.json = json;
        this.credentials = credentials;
        this.timeout = settings.callTimeout();
        this.client = uk.sse.kernel.correlation.CorrelatedHttpClient.wrap( // passes the request's correlation id on
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    public Reply get(URI uri, Caller actingFor) {
        return send(HttpRequest.newBuilder(uri).GET(), actingFor);
    }

    public Reply post(URI uri, Caller actingFor, Object body) {
        String text;
        try {
            text = body == null ? "" : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body, e);
        }
        return send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)),
                actingFor);
    }

    private Reply send(HttpRequest.Builder request, Caller actingFor) {
        request.timeout(timeout).header("Accept", "application/json").header("Authorization", credentials.bearer());
        if (actingFor != null && !actingFor.isService()) {
            request.header(CallerArgumentBinder.ACTING_SUBJECT, actingFor.subject())
                    .header(CallerArgumentBinder.ACTING_ROLE, actingFor.role().name());
            if (actingFor.area() != null) {
                request.header(CallerArgumentBinder.ACTING_AREA, actingFor.area());
            }
            if (actingFor.organisation() != null) {
                request.header(CallerArgumentBinder.ACTING_ORG, actingFor.organisation());
            }
        }
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), parse(response.body()), null);
        } catch (IOException e) {
            return new Reply(0, Map.of(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, Map.of(), "interrupted");
        }
    }

    private Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return Optional.ofNullable(json.readValue(body, Argument.mapOf(String.class, Object.class)))
                    .orElse(Map.of());
        } catch (IOException | RuntimeException notAnObject) {
            return Map.of();
        }
    }
}
