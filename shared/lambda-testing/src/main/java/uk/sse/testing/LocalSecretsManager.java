package uk.sse.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets Manager where it cannot be reached (no AWS account, no Docker for LocalStack): a loopback server that answers
 * the real AWS SDK client's {@code GetSecretValue} (JSON 1.1 protocol, {@code X-Amz-Target:
 * secretsmanager.GetSecretValue}) with the service's shape, from the values the test {@link #put}s; an unknown secret
 * gets the service's {@code ResourceNotFoundException}. It records what it was asked, so a test can count the reads.
 */
public final class LocalSecretsManager implements AutoCloseable {

    private static final Pattern SECRET_ID = Pattern.compile("\"SecretId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final Map<String, String[]> secrets = new ConcurrentHashMap<>(); // id -> {value, version}
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private LocalSecretsManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::answer);
        server.start();
    }

    public static LocalSecretsManager start() {
        try {
            return new LocalSecretsManager();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
    }

    /** The endpoint to point the client at. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets the secret's current value (PutSecretValue, as a rotation does): a new version. */
    public void put(String secretId, String value) {
        secrets.put(secretId, new String[] {value, UUID.randomUUID().toString()});
    }

    /** Each request as {@code <X-Amz-Target> <body>}. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    /** How many times {@code secretId}'s value was read. */
    public long reads(String secretId) {
        return asked.stream()
                .filter(a -> a.startsWith("secretsmanager.GetSecretValue ") && a.contains("\"" + secretId + "\""))
                .count();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        asked.add(target + " " + body);
        Matcher id = SECRET_ID.matcher(body);
        String[] secret = id.find() ? secrets.get(id.group(1)) : null;
        if (!"secretsmanager.GetSecretValue".equals(target) || secret == null) {
            send(
                    exchange,
                    400,
                    "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}");
            return;
        }
        send(
                exchange,
                200,
                "{\"ARN\":" + quoted(id.group(1)) + ",\"Name\":" + quoted(id.group(1)) + ",\"VersionId\":\"" + secret[1]
                        + "\",\"SecretString\":" + quoted(secret[0])
                        + ",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7e9}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
