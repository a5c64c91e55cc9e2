package uk.sse.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GOV.UK Notify's email API on 127.0.0.1, for the tests and the local run: {@code POST /v2/notifications/email} is
 * accepted only with the JWT Notify asks for (HS256, signed with the API key's secret, issuer the key's service id,
 * issued within the last 30 seconds), answered as Notify answers (201 with the notification), and kept; anything else is
 * refused as Notify refuses it (403 {@code AuthError}, 400 {@code ValidationError}). Answers can be scripted (a 500
 * first, say) to test retries. {@code GET /} is a page of the emails accepted, newest first, for a person trying the
 * local run; {@link #onEmail} is told of each as it comes.
 */
public final class NotifyStandIn implements AutoCloseable {

    /** An email Notify accepted. */
    public record Email(
            Instant at, String templateId, String to, Map<String, Object> personalisation, String reference) {}

    private static final Duration FRESH = Duration.ofSeconds(30);

    private final HttpServer server;
    private final ExecutorService workers;
    private final JsonMapper json;
    private final String serviceId;
    private final String secret;
    private final ConcurrentLinkedQueue<Email> accepted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedDeque<Integer> scripted = new ConcurrentLinkedDeque<>();
    private volatile Consumer<Email> listener = e -> {};
    private volatile Map<String, String> templateNames = Map.of();

    private NotifyStandIn(
            HttpServer server, ExecutorService workers, JsonMapper json, String serviceId, String secret) {
        this.server = server;
        this.workers = workers;
        this.json = json;
        this.serviceId = serviceId;
        this.secret = secret;
    }

    /** A stand-in with a fresh service id and secret (see {@link #apiKey()}). */
    public static NotifyStandIn start(JsonMapper json) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ExecutorService workers = Executors.newFixedThreadPool(
                    8, Thread.ofPlatform().name("notify-", 0).daemon().factory());
            NotifyStandIn notify = new NotifyStandIn(
                    server,
                    workers,
                    json,
                    UUID.randomUUID().toString(),
                    UUID.randomUUID().toString());
            server.createContext("/", notify::exchange);
            server.setExecutor(workers);
            server.start();
            return notify;
        } catch (IOException e) {
            throw new IllegalStateException("no loopback port for the Notify stand-in", e);
        }
    }

    /** An API key in Notify's form, {@code name-<service id>-<secret>}. */
    public String apiKey() {
        return "sse_local-" + serviceId + "-" + secret;
    }

    /** A key for the same service with another secret: Notify refuses what it signs. */
    public String wrongKey() {
        return "sse_local-" + serviceId + "-" + UUID.randomUUID();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code listener} is told of each email accepted from now on (the local run logs them). */
    public NotifyStandIn onEmail(Consumer<Email> listener) {
        this.listener = listener;
        return this;
    }

    /** What each template id stands for, shown on the page instead of the id. */
    public NotifyStandIn templateNames(Map<String, String> names) {
        this.templateNames = Map.copyOf(names);
        return this;
    }

    /** The name given for a template id, or the id. */
    public String templateName(String templateId) {
        return templateNames.getOrDefault(templateId, templateId);
    }

    /** The next requests are answered with these statuses, in order, instead of being accepted. */
    public void answerNext(int... statuses) {
        for (int s : statuses) {
            scripted.add(s);
        }
    }

    public List<Email> emails() {
        return new ArrayList<>(accepted);
    }

    /** Why requests were refused (a bad token, a bad body), in order. */
    public List<String> refusals() {
        return new ArrayList<>(refusals);
    }

    /** The emails to {@code to}, once at least {@code count} have come or {@code wait} has passed. */
    public List<Email> await(String to, int count, Duration wait) {
        Instant until = Instant.now().plus(wait);
        while (true) {
            List<Email> theirs =
                    emails().stream().filter(e -> e.to().equals(to)).toList();
            if (theirs.size() >= count || Instant.now().isAfter(until)) {
                return theirs;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return theirs;
            }
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if ("GET".equals(exchange.getRequestMethod())
                    && "/".equals(exchange.getRequestURI().getPath())) {
                byte[] page = page().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"/v2/notifications/email"
                            .equals(exchange.getRequestURI().getPath())) {
                answer(
                        exchange,
                        404,
                        error(
                                404,
                                "NotFound",
                                "no " + exchange.getRequestMethod() + " "
                                        + exchange.getRequestURI().getPath()));
                return;
            }
            String problem = tokenProblem(exchange.getRequestHeaders().getFirst("Authorization"));
            if (problem != null) {
                refusals.add(problem);
                answer(exchange, 403, error(403, "AuthError", problem));
                return;
            }
            Integer status = scripted.poll();
            if (status != null) {
                answer(
                        exchange,
                        status,
                        error(status, status >= 500 ? "Exception" : "BadRequestError", "scripted " + status));
                return;
            }
            Map<String, Object> sent = json.readValue(body, Map.class);
            Object template = sent.get("template_id");
            Object to = sent.get("email_address");
            if (!(template instanceof String t) || !(to instanceof String address) || !address.contains("@")) {
                refusals.add("bad body: " + new String(body, StandardCharsets.UTF_8));
                answer(exchange, 400, error(400, "ValidationError", "template_id and email_address are required"));
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> personalisation =
                    sent.get("personalisation") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            String reference = sent.get("reference") instanceof String r ? r : null;
            Email email = new Email(Instant.now(), t, address, personalisation, reference);
            accepted.add(email);
            listener.accept(email);
            String id = UUID.randomUUID().toString();
            Map<String, Object> reply = new java.util.LinkedHashMap<>();
            reply.put("id", id);
            reply.put("reference", reference);
            reply.put(
                    "content",
                    Map.of(
                            "body",
                            String.valueOf(personalisation.get("title")),
                            "subject",
                            "School Support Exchange",
                            "from_email",
                            "sse@notifications.service.gov.uk"));
            reply.put("uri", baseUrl() + "/v2/notifications/" + id);
            reply.put("template", Map.of("id", t, "version", 1, "uri", baseUrl() + "/v2/templates/" + t));
            answer(exchange, 201, json.writeValueAsBytes(reply));
        } catch (RuntimeException e) {
            answer(exchange, 500, error(500, "Exception", e.toString()));
        }
    }

    /** The emails accepted, newest first: when, to whom, which template, and the title and link they carry. */
    private String page() {
        StringBuilder html = new StringBuilder(
                "<!doctype html><html lang=en><head><meta charset=utf-8><meta http-equiv=refresh content=5>"
                        + "<title>Emails sent to the local Notify</title><style>body{font-family:sans-serif;margin:1em}td,th{border-bottom:1px solid #ccc;"
                        + "padding:4px 8px;text-align:left;vertical-align:top}table{border-collapse:collapse}</style></head><body>"
                        + "<h1>Emails sent to the local Notify stand-in</h1><p>Newest first. Nothing here leaves this machine.</p>"
                        + "<table><tr><th>time (UTC)</th><th>to</th><th>template</th><th>title</th><th>link</th></tr>");
        List<Email> newestFirst = emails();
        java.util.Collections.reverse(newestFirst);
        for (Email e : newestFirst) {
            String link = String.valueOf(e.personalisation().getOrDefault("link", ""));
            html.append("<tr><td>")
                    .append(e.at().toString(), 0, 19)
                    .append("</td><td>")
                    .append(escape(e.to()))
                    .append("</td><td>")
                    .append(escape(templateName(e.templateId())))
                    .append("</td><td>")
                    .append(escape(String.valueOf(e.personalisation().getOrDefault("title", ""))))
                    .append("</td><td>")
                    .append(
                            link.startsWith("http")
                                    ? "<a href=\"" + escape(link) + "\">" + escape(link) + "</a>"
                                    : escape(link))
                    .append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** Why Notify would refuse the token, or null. */
    private String tokenProblem(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "no bearer token";
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return "not a JWT";
        }
        try {
            Map<?, ?> header = json.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
            Map<?, ?> claims = json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            if (!"HS256".equals(header.get("alg"))) {
                return "alg is " + header.get("alg") + ", not HS256";
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return "Invalid token: signature, api token not found";
            }
            if (!serviceId.equals(claims.get("iss"))) {
                return "Invalid token: issuer " + claims.get("iss") + " is not the service";
            }
            if (!(claims.get("iat") instanceof Number iat)) {
                return "Invalid token: no iat";
            }
            long age = Instant.now().getEpochSecond() - iat.longValue();
            if (Math.abs(age) > FRESH.toSeconds()) {
                return "Error: Your system clock must be accurate to within 30 seconds";
            }
            return null;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return "unreadable token: " + e;
        }
    }

    private byte[] error(int status, String kind, String message) {
        try {
            return json.writeValueAsBytes(
                    Map.of("status_code", status, "errors", List.of(Map.of("error", kind, "message", message))));
        } catch (IOException e) {
            return ("{\"errors\":[{\"error\":\"" + kind + "\"}]}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
