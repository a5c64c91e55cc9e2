package uk.sse.kernel.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.problem.ServiceBusy;

/**
 * The client-credentials grant as a Cognito token endpoint answers it (RFC 6749 4.4): the client authenticates with
 * HTTP Basic, asks for its scopes, and keeps the token until shortly before it expires.
 */
class ClientCredentialsTokenTest {

    final List<String> asked = new CopyOnWriteArrayList<>();
    HttpServer endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.stop(0);
        }
    }

    private URI serve(int status, String answer) throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/oauth2/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            asked.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + URLDecoder.decode(form, StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
        return URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/oauth2/token");
    }

    private ClientCredentialsToken client(URI tokenUrl) {
        return new ClientCredentialsToken(
                new ServiceSettings(
                        "brokerage-client", "s3cret", tokenUrl, List.of("sse/ledger.holds", "sse/directory.read")),
                ObjectMapper.getDefault());
    }

    @Test
    void asksWithItsIdSecretAndScopesAndKeepsTheTokenUntilNearItsExpiry() throws IOException {
        ClientCredentialsToken token =
                client(serve(200, "{\"access_token\":\"eyJ.a.b\",\"expires_in\":3600,\"token_type\":\"Bearer\"}"));
        assertThat(token.bearer()).isEqualTo("Bearer eyJ.a.b");
        assertThat(token.bearer()).isEqualTo("Bearer eyJ.a.b");
        assertThat(asked).hasSize(1);
        String basic = "Basic "
                + Base64.getEncoder().encodeToString("brokerage-client:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(asked.getFirst())
                .startsWith("POST " + basic + " application/x-www-form-urlencoded")
                .contains("grant_type=client_credentials")
                .contains("scope=sse/ledger.holds sse/directory.read");
    }

    @Test
    void aTokenAboutToExpireIsRenewed() throws IOException {
        // valid for less than the renewal margin: every use asks again rather than send a token that may lapse on its
        // way
        ClientCredentialsToken token = client(serve(200, "{\"access_token\":\"short\",\"expires_in\":60}"));
        token.bearer();
        token.bearer();
        assertThat(asked).hasSize(2);
    }

    @Test
    void anEndpointThatRefusesOrAnswersNoTokenIsAServiceBusyNotAGuess() throws IOException {
        assertThatThrownBy(() ->
                        client(serve(400, "{\"error\":\"invalid_client\"}")).bearer())
                .isInstanceOf(ServiceBusy.class)
                .hasMessageContaining("400");
        stop();
        assertThatThrownBy(
                        () -> client(serve(200, "{\"token_type\":\"Bearer\"}")).bearer())
                .isInstanceOf(ServiceBusy.class);
    }

    @Test
    void aSecretIsRequiredWithATokenUrl() {
        assertThatThrownBy(() -> new ClientCredentialsToken(
                        new ServiceSettings("c", null, URI.create("https://x/oauth2/token"), null),
                        ObjectMapper.getDefault()))
                .isInstanceOf(IllegalStateException.class);
    }
}
