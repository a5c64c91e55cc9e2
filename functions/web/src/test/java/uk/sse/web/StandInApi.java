package uk.sse.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The functions' APIs as the web's handler meets them in a test: a JDK HTTP server on a free port that records every
 * call and answers each path as the test says, with a 404 problem where it says nothing. {@link #properties} points the
 * web at it.
 */
public final class StandInApi implements AutoCloseable {

    /** A call the web made: its path and its headers. */
    public record Call(String path, Map<String, List<String>> headers) {

        /** A header's first value, whatever its case. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst();
        }
    }

    /** What the stand-in answers: a status and a JSON body. */
    public record Answer(int status, String json) {

        public static Answer ok(String json) {
            return new Answer(200, json);
        }
    }

    private static final Answer NOT_FOUND = new Answer(404, "{\"title\":\"Not Found\",\"status\":404}");

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    private StandInApi(Function<String, Optional<Answer>> answers) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(path, Map.copyOf(exchange.getRequestHeaders())));
            Answer answer = answers.apply(path).orElse(NOT_FOUND);
            byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .add("Content-Type", answer.status() < 400 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // each call on its own thread, as an API answers calls made side by side
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Started, answering each path with what {@code answers} gives (empty: 404). */
    public static StandInApi answering(Function<String, Optional<Answer>> answers) {
        return new StandInApi(answers);
    }

    /** The web's settings that send its API calls here. */
    public Map<String, String> properties() {
        return Map.of(
                "sse.web.api-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    public ConcurrentLinkedQueue<Call> calls() {
        return calls;
    }

    public List<String> paths() {
        return calls.stream().map(Call::path).toList();
    }

    public Call last() {
        return calls.stream().reduce((a, b) -> b).orElseThrow();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
