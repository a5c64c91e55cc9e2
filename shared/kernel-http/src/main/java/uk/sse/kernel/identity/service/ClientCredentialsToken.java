package uk.sse.kernel.identity.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import uk.sse.kernel.problem.ServiceBusy;

/**
 * In AWS: the OAuth 2.0 client-credentials grant (RFC 6749, 4.4) at the Cognito user pool's token endpoint, with the
 * function's app client id and secret (HTTP Basic) and its scopes. One small POST, so no OAuth library on the Lambda
 * path (decision 0030).
 */
@Singleton
@Requires(property = "sse.service.token-url")
public class ClientCredentialsToken extends ServiceCredentials {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ServiceSettings service;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public ClientCredentialsToken(ServiceSettings service, JsonMapper json) {
        this.service = service;
        this.json = json;
        if (service.clientSecret() == null || service.clientSecret().isBlank()) {
            throw new IllegalStateException("sse.service.client-secret is needed with sse.service.token-url");
        }
    }

    @Override
    protected Issued issue() {
        String basic = Base64.getEncoder()
                .encodeToString((service.clientId() + ":" + service.clientSecret()).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials&client_id="
                + URLEncoder.encode(service.clientId(), StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode(String.join(" ", service.scopes()), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(service.tokenUrl())
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new ServiceBusy("the token endpoint answered " + response.statusCode(), null);
            }
            Map<String, Object> body = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            if (!(body.get("access_token") instanceof String token)
                    || !(body.get("expires_in") instanceof Number seconds)) {
                throw new ServiceBusy("the token endpoint answered no access token", null);
            }
            return new Issued(token, Duration.ofSeconds(seconds.longValue()));
        } catch (IOException e) {
            throw new ServiceBusy("the token endpoint did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusy("interrupted while asking for a token", e);
        }
    }
}
