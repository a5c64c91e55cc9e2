package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Tokens;

/**
 * The deployed handler class, fed API Gateway HTTP API (payload 2.0) events directly, as AWS does:
 * no test server in between.
 */
class LambdaHandlerTest {

    static ApplicationContext context;
    static APIGatewayV2HTTPEventFunction handler;
    static Tokens tokens;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder()
                .environments("test")
                .properties(Map.of(
                        "sse.aws.endpoint",
                        uk.sse.engines.Engines.dynamo().endpoint().toString(),
                        "sse.aws.create-tables",
                        "true",
                        "sse.directory.table-name",
                        "directory-handler-" + System.nanoTime()))
                .start();
        handler = new APIGatewayV2HTTPEventFunction(context);
        tokens = context.getBean(Tokens.class);
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    static APIGatewayV2HTTPEvent event(
            String method, String path, String bearer, String contentType, String body, boolean base64) {
        var headers = new java.util.HashMap<String, String>();
        if (bearer != null) {
            headers.put("authorization", bearer);
        }
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(path)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("192.0.2.10")
                                .build())
                        .withRequestId("test-" + System.nanoTime())
                        .withStage("$default")
                        .build())
                .build();
    }

    @Test
    void aBase64CsvImportAndARead() {
        String csv = "\"URN\",\"EstablishmentName\",\"LA (code)\"\r\n\"100000\",\"The Aldgate School\",\"201\"\r\n";
        APIGatewayV2HTTPResponse imported = handler.handleRequest(
                event(
                        "POST",
                        "/schools/import",
                        tokens.bearer(Role.REGISTRAR, null, null),
                        "text/csv",
                        Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.US_ASCII)),
                        true),
                null);
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(200);
        assertThat(imported.getBody()).contains("\"created\":1");

        APIGatewayV2HTTPResponse read = handler.handleRequest(
                event("GET", "/schools/100000", tokens.bearer(Role.ADVISER, "201", null), null, null, false), null);
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getBody()).contains("\"name\":\"The Aldgate School\"");
    }

    @Test
    void noTokenIsA401Problem() {
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(event("GET", "/taxonomy", null, null, null, false), null);
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(response.getBody()).contains("\"status\":401");
    }

    @Test
    void aForbiddenRoleIsA403Problem() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                event(
                        "POST",
                        "/schools/import",
                        tokens.bearer(Role.BROKER, "201", null),
                        "text/csv",
                        "\"URN\"\r\n",
                        false),
                null);
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(contentType(response)).startsWith("application/problem+json");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAnythingReadsIt() {
        String body = "{\"title\":\"" + "x".repeat(300 * 1024) + "\"}";
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                event(
                        "POST",
                        "/offers",
                        tokens.bearer(Role.PROVIDER, "201", "100000"),
                        "application/json",
                        body,
                        false),
                null);
        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(contentType(response)).startsWith("application/problem+json");
    }

    private static String contentType(APIGatewayV2HTTPResponse response) {
        return response.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
    }
}
