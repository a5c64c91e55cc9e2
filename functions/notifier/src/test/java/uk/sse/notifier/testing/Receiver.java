package uk.sse.notifier.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on 127.0.0.1 (an ephemeral port): it records every request (when, headers, body) and answers
 * each path with what the test scripted for it, in order (a status, a body, headers, after a delay), then 200.
 */
public final class Receiver implements AutoCloseable {

    public record Request(
            Instant at, long nanos, String method, String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public record Answer(int status, String body, Map<String, String> headers, Duration delay) {
        public static Answer status(int status) {
            return new Answer(status, null, Map.of(), Duration.ZERO);
        }

        public static Answer status(int status, String body) {
            return new Answer(status, body, Map.of(), Duration.ZERO);
        }

        public Answer header(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, more, delay);
        }

        public Answer after(Duration wait) {
            return new Answer(status, body, headers, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final ConcurrentLinkedQueue<Request> received = new ConcurrentLinkedQueue<>();
    private final Map<String, ConcurrentLinkedDeque<Answer>> scripts = new ConcurrentHashMap<>();

    private Receiver(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    public static Receiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ExecutorService workers = Executors.newFixedThreadPool(
                    16, Thread.ofPlatform().name("receiver-", 0).daemon().factory());
            Receiver receiver = new Receiver(server, workers);
            server.createContext("/", receiver::exchange);
            server.setExecutor(workers);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("no loopback port for the receiver", e);
        }
    }

    /** The allow-list entry for this receiver: {@code http://127.0.0.1:<port>}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return origin() + path;
    }

    /** The answers {@code path} gives, in order; after them, 200. */
    public void script(String path, Answer... answers) {
        ConcurrentLinkedDeque<Answer> queue = scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>());
        queue.clear();
        queue.addAll(List.of(answers));
    }

    public List<Request> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> all() {
        return List.copyOf(received);
    }

    /** Waits until {@code path} has had {@code n} requests, or the timeout passes; answers what it had. */
    public List<Request> await(String path, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received(path).size() < n && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return received(path);
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Request(
                    Instant.now(),
                    System.nanoTime(),
                    exchange.getRequestMethod(),
                    path,
                    headers,
                    new String(body, StandardCharsets.UTF_8)));
            ConcurrentLinkedDeque<Answer> script = scripts.get(path);
            Answer answer = script == null || script.isEmpty() ? Answer.status(200, "ok") : script.poll();
            if (answer == null) {
                answer = Answer.status(200, "ok");
            }
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] out = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        } catch (IOException clientGaveUp) {
            // the notifier timed out and closed the connection: that is what some tests want
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /** The requests' paths in arrival order, for messages. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        received.forEach(r -> paths.add(r.path()));
        return paths;
    }
}
