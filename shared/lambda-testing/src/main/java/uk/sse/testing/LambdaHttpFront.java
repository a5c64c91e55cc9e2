package uk.sse.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * API Gateway in front of a {@link LambdaInstance}, on a loopback port: each HTTP request becomes a payload 2.0
 * event for the real handler, and its answer the HTTP response. Requests are served concurrently. For functions
 * that call other functions over HTTP, as they do in AWS.
 */
public final class LambdaHttpFront implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;
    private final LambdaInstance lambda;

    private LambdaHttpFront(HttpServer server, ExecutorService workers, LambdaInstance lambda) {
        this.server = server;
        this.workers = workers;
        this.lambda = lambda;
    }

    public static LambdaHttpFront serve(LambdaInstance lambda) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ExecutorService workers = Executors.newFixedThreadPool(
                    8, Thread.ofPlatform().name("lambda-front-", 0).daemon().factory());
            LambdaHttpFront front = new LambdaHttpFront(server, workers, lambda);
            server.createContext("/", exchange -> exchange(lambda, exchange));
            server.setExecutor(workers);
            server.start();
            return front;
        } catch (IOException e) {
            throw new IllegalStateException("could not open a loopback port", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public LambdaInstance lambda() {
        return lambda;
    }

    /** One HTTP request through the handler as API Gateway passes it, and its answer as API Gateway gives it. */
    static void exchange(LambdaInstance lambda, HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            byte[] body = in.readAllBytes();
            URI uri = exchange.getRequestURI();
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            APIGatewayV2HTTPResponse response = lambda.handle(
                    exchange.getRequestMethod(),
                    pathAndQuery,
                    headers,
                    body.length == 0 ? null : new String(body, StandardCharsets.UTF_8));
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders()
                        .forEach((name, values) -> values.forEach(v -> answer(exchange, name, v)));
            }
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, value) -> answer(exchange, name, value));
            }
            if (response.getCookies() != null) {
                response.getCookies()
                        .forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
            }
            byte[] answer =
                    response.getBody() == null || exchange.getRequestMethod().equals("HEAD")
                            ? new byte[0]
                            : response.getIsBase64Encoded()
                                    ? Base64.getDecoder().decode(response.getBody())
                                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.getStatusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    /** The server frames the body itself, so the handler's own length and encoding headers are left out. */
    private static void answer(HttpExchange exchange, String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals("content-length")
                && !lower.equals("transfer-encoding")
                && !exchange.getResponseHeaders().containsKey(name)) {
            exchange.getResponseHeaders().add(name, value);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        lambda.close();
    }
}
