package uk.sse.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.sse.kernel.http.HttpApiFunction;

/**
 * One warm Lambda instance of a function: the deployed handler class in an application context of its own, fed
 * API Gateway HTTP API (payload 2.0) events directly, built as API Gateway builds them: the browser's cookies in the
 * event's {@code cookies}, never in a {@code cookie} header, and the cookies set read from the response's
 * {@code cookies} only (decision 0116). Several of them against one table are what concurrent
 * invocations in AWS are; the test server behind {@link Api} handles one request at a time.
 */
public final class LambdaInstance implements AutoCloseable {

    private final HttpApiFunction handler;
    private final JsonMapper json;

    /** Starts an instance with the test context's configuration (its property sources and environments). */
    public static LambdaInstance like(ApplicationContext test, Map<String, Object> extra) {
        var environment = test.getEnvironment();
        return new LambdaInstance(ApplicationContext.builder()
                .environments(environment.getActiveNames().toArray(String[]::new))
                .propertySources(
                        environment.getPropertySources().toArray(io.micronaut.context.env.PropertySource[]::new))
                .properties(extra)
                .start());
    }

    public LambdaInstance(ApplicationContext context) {
        this(new HttpApiFunction(context));
    }

    LambdaInstance(HttpApiFunction handler) {
        this.handler = handler;
        this.json = handler.getApplicationContext().getBean(JsonMapper.class);
    }

    public ApplicationContext context() {
        return handler.getApplicationContext();
    }

    public Api.Reply send(String method, String pathAndQuery, String bearer, Object body) {
        return send(method, pathAndQuery, bearer, body, Map.of());
    }

    /** As {@link #send(String, String, String, Object)} with more headers (names in lower case, as API Gateway sends them). */
    public Api.Reply send(String method, String pathAndQuery, String bearer, Object body, Map<String, String> more) {
        Map<String, String> headers = new HashMap<>(more);
        if (bearer != null) {
            headers.put("authorization", bearer);
        }
        String text = null;
        if (body != null) {
            headers.put("content-type", "application/json");
            text = body instanceof String s ? s : write(body);
        }
        APIGatewayV2HTTPResponse response = handle(method, pathAndQuery, headers, text);
        Map<String, List<String>> answered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> answered.put(name, List.of(value)));
        }
        if (response.getMultiValueHeaders() != null) {
            answered.putAll(response.getMultiValueHeaders());
        }
        // payload 2.0 sets cookies only from the response's cookies (API Gateway ignores a Set-Cookie header's others)
        answered.remove("Set-Cookie");
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            answered.put("Set-Cookie", List.copyOf(response.getCookies()));
        }
        return new Api.Reply(response.getStatusCode(), answered, response.getBody(), parse(response.getBody()));
    }

    /**
     * One API Gateway HTTP API (payload 2.0) event through the handler; header names in lower case, as API Gateway
     * sends them, and a {@code cookie} header's pairs moved to the event's {@code cookies}, as API Gateway moves them.
     */
    public APIGatewayV2HTTPResponse handle(
            String method, String pathAndQuery, Map<String, String> headers, String body) {
        return handle(method, pathAndQuery, headers, body, null);
    }

    /** As {@link #handle(String, String, Map, String)} with the invocation's Lambda context, as the runtime passes it. */
    public APIGatewayV2HTTPResponse handle(
            String method,
            String pathAndQuery,
            Map<String, String> headers,
            String body,
            com.amazonaws.services.lambda.runtime.Context lambdaContext) {
        return handler.handleRequest(event(method, pathAndQuery, headers, body), lambdaContext);
    }

    /** An event already built, through the handler, as the runtime passes it. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    /**
     * The payload 2.0 event API Gateway builds for this request: header names in lower case, and a {@code cookie}
     * header's pairs in the event's {@code cookies} instead.
     */
    public static APIGatewayV2HTTPEvent event(
            String method, String pathAndQuery, Map<String, String> headers, String body) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
        Map<String, String> sent = new HashMap<>();
        List<String> cookies = new java.util.ArrayList<>();
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("cookie")) {
                for (String pair : value.split(";")) {
                    if (!pair.isBlank()) {
                        cookies.add(pair.strip());
                    }
                }
            } else {
                sent.put(name, value);
            }
        });
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString(query)
                .withQueryStringParameters(query.isEmpty() ? null : parameters(query))
                .withHeaders(sent)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withBody(body)
                .withIsBase64Encoded(false)
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

    /** As API Gateway gives them: decoded, and a name given more than once with its values joined by commas. */
    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    public Api.Reply post(String path, String bearer, Object body) {
        return send("POST", path, bearer, body);
    }

    public Api.Reply get(String path, String bearer) {
        return send("GET", path, bearer, null);
    }

    private Object parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, Argument.OBJECT_ARGUMENT);
        } catch (IOException notJson) {
            return null;
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        handler.close();
    }
}
