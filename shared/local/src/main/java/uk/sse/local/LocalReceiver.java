package uk.sse.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.notifier.model.SigningSecret;
import uk.sse.notifier.model.WebhookSignatures;

/**
 * The local run's webhook receiver on 127.0.0.1: each path is a subscription's endpoint, whose signing secret it
 * holds, so it checks every message's Standard Webhooks signature as a real receiver would. {@code GET /} is a page of
 * what arrived, newest first (it refreshes itself); each arrival is also logged.
 */
final class LocalReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalReceiver.class);
    private static final int KEPT = 200;
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([a-z.\\-]+)\"");
    private static final Pattern TEXT = Pattern.compile("^\\{\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,160})");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One message as it arrived, with the outcome of checking its signature. */
    record Arrival(
            Instant at,
            String path,
            String webhookId,
            String summary,
            WebhookSignatures.Verification signature,
            String body) {}

    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<String, SigningSecret> secrets = new ConcurrentHashMap<>();
    private final Map<String, String> labels = new ConcurrentHashMap<>();
    private final Deque<Arrival> arrivals = new ArrayDeque<>();

    private LocalReceiver(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Listens on 127.0.0.1:{@code port} (0 for any free port). */
    static LocalReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            ExecutorService workers = Executors.newFixedThreadPool(
                    4,
                    Thread.ofPlatform()
                            .name("sse-webhook-receiver-", 0)
                            .daemon()
                            .factory());
            LocalReceiver receiver = new LocalReceiver(server, workers);
            server.createContext("/", receiver::exchange);
            server.setExecutor(workers);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the webhook receiver cannot listen on 127.0.0.1:" + port + " (set SSE_RECEIVER_PORT)", e);
        }
    }

    /** The origin to allow-list: {@code http://127.0.0.1:<port>}. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A subscription's endpoint at {@code path}, whose messages are checked with {@code secret}. */
    String endpoint(String path, String label, SigningSecret secret) {
        secrets.put(path, secret);
        labels.put(path, label);
        return origin() + path;
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 200, "text/html; charset=utf-8", page());
                return;
            }
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            SigningSecret secret = secrets.get(path);
            if (secret == null) {
                answer(exchange, 404, "text/plain", "no subscription ends here");
                return;
            }
            var h = exchange.getRequestHeaders();
            String id = h.getFirst(WebhookSignatures.ID);
            WebhookSignatures.Verification checked = WebhookSignatures.verify(
                    secret,
                    id,
                    h.getFirst(WebhookSignatures.TIMESTAMP),
                    h.getFirst(WebhookSignatures.SIGNATURE),
                    body,
                    Instant.now());
            Arrival arrival = new Arrival(Instant.now(), path, id, summary(body), checked, body);
            synchronized (arrivals) {
                arrivals.addFirst(arrival);
                while (arrivals.size() > KEPT) {
                    arrivals.removeLast();
                }
            }
            LOG.info("webhook to {} ({}): {}; signature {}", path, labels.get(path), arrival.summary(), checked);
            answer(exchange, checked == WebhookSignatures.Verification.VALID ? 204 : 401, "text/plain", "");
        }
    }

    private static String summary(String body) {
        Matcher text = TEXT.matcher(body);
        if (text.find()) {
            return text.group(1).replace("\\n", " ").replace("\\\"", "\"");
        }
        Matcher type = TYPE.matcher(body);
        return type.find() ? type.group(1) : body.substring(0, Math.min(body.length(), 120));
    }

    private String page() {
        StringBuilder html =
                new StringBuilder("<!doctype html><html><head><meta charset=utf-8><meta http-equiv=refresh content=3>"
                        + "<title>Webhooks received</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 8px;text-align:left;"
                        + "vertical-align:top}tr:nth-child(even){background:#f4f4f4}.bad{color:#b00}pre{white-space:pre-wrap;max-width:70em;margin:0}"
                        + "</style></head><body><h1>Webhooks received by the local receiver</h1>");
        html.append("<p>Endpoints: ");
        List<String> endpoints = new ArrayList<>();
        labels.forEach(
                (path, label) -> endpoints.add("<code>" + escape(origin() + path) + "</code> (" + escape(label) + ")"));
        html.append(String.join(", ", endpoints))
                .append(". Newest first; the last ")
                .append(KEPT)
                .append(" are kept.</p>");
        html.append(
                "<table><tr><th>time</th><th>endpoint</th><th>message</th><th>signature</th><th>webhook-id</th></tr>");
        for (Arrival a : arrivals()) {
            boolean valid = a.signature() == WebhookSignatures.Verification.VALID;
            html.append("<tr><td>")
                    .append(TIME.format(a.at()))
                    .append("</td><td>")
                    .append(escape(a.path()))
                    .append("</td><td>")
                    .append("<details><summary>")
                    .append(escape(a.summary()))
                    .append("</summary><pre>")
                    .append(escape(a.body()))
                    .append("</pre></details></td><td class=")
                    .append(valid ? "ok" : "bad")
                    .append('>')
                    .append(a.signature())
                    .append("</td><td><code>")
                    .append(escape(String.valueOf(a.webhookId())))
                    .append("</code></td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void answer(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
