package uk.sse.directory.imports.files;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.directory.imports.ImportFiles;
import uk.sse.directory.imports.ImportSettings;
import uk.sse.directory.imports.trigger.ImportArrivals;

/**
 * The import bucket on this machine, for the local run and the tests: a directory, and an upload endpoint of its own
 * on the loopback interface that stands for S3's presigned URLs (HMAC-signed, expiring, one key each). A file that
 * arrives, uploaded or stored, starts the same Lambda handler the S3 event starts in AWS ({@link ImportArrivals}),
 * with an S3 event, on a thread of its own: the upload is answered at once, as S3 answers it.
 */
@Singleton
@Requires(missingProperty = "sse.imports.bucket")
public class LocalBucket implements ImportFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBucket.class);
    private static final Pattern KEY = Pattern.compile("(uploads|scheduled)/[A-Za-z0-9_-]{1,64}");
    public static final String NAME = "sse-local-imports";

    private final Path dir;
    private final ApplicationContext context;
    private final Clock clock;
    private final ImportSettings settings;
    private final byte[] signingKey = new byte[32];
    private final ExecutorService arrivals = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;

    public LocalBucket(ImportSettings settings, ApplicationContext context, Clock clock) throws IOException {
        this.dir = settings.localBucket() == null
                ? Files.createTempDirectory("sse-imports-")
                : Path.of(settings.localBucket());
        Files.createDirectories(dir);
        this.context = context;
        this.clock = clock;
        this.settings = settings;
        new SecureRandom().nextBytes(signingKey);
    }

    /** The directory the bucket's files are in. */
    public Path directory() {
        return dir;
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path file = fileOf(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(key);
        }
        return Files.newInputStream(file);
    }

    @Override
    public void store(String key, Path file) throws IOException {
        Path target = fileOf(key);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        arrived(key, Files.size(target));
    }

    @Override
    public synchronized Upload uploadFor(String key) {
        fileOf(key);
        Instant expires = clock.instant().plus(settings.uploadValid());
        String query = "expires=" + expires.getEpochSecond() + "&signature=" + signature(key, expires.getEpochSecond());
        return new Upload(
                "http://127.0.0.1:" + server().getAddress().getPort() + "/" + key + "?" + query,
                "PUT",
                Map.of("Content-Type", "text/csv"),
                expires);
    }

    private HttpServer server() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::upload);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }
        return server;
    }

    private void upload(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestURI().getPath().substring(1);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            // a registrar's browser PUTs from the web's origin, as to the S3 bucket's CORS rule; the signature is the
            // authority
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            if ("OPTIONS".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "PUT");
                exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "content-type");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (!"PUT".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!KEY.matcher(key).matches() || !signed(key, query)) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            Path target = fileOf(key);
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "upload-", ".part");
            try (InputStream body = exchange.getRequestBody()) {
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            exchange.sendResponseHeaders(200, -1);
            arrived(key, Files.size(target));
        }
    }

    private boolean signed(String key, Map<String, String> query) {
        try {
            long expires = Long.parseLong(query.getOrDefault("expires", ""));
            String given = query.getOrDefault("signature", "");
            return clock.instant().getEpochSecond() <= expires
                    && MessageDigest.isEqual(
                            signature(key, expires).getBytes(StandardCharsets.US_ASCII),
                            given.getBytes(StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String signature(String key, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((key + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands the arrival to the import Lambda's handler, as S3's event notification would. */
    private void arrived(String key, long size) {
        S3Event event = event(key, size);
        arrivals.submit(() -> {
            try {
                new ImportArrivals(context).execute(event);
            } catch (RuntimeException failed) {
                // as in AWS, where Lambda would retry the event: the job stays RUNNING with its checkpoint
                LOG.warn("the import of {} stopped: {}", key, failed.toString());
            }
        });
    }

    /** An S3 event notification for one object created: what S3 sends the import function. */
    public static S3Event event(String key, long size) {
        var object = new S3EventNotification.S3ObjectEntity(
                URLEncoder.encode(key, StandardCharsets.UTF_8), size, null, null, null);
        var bucket = new S3EventNotification.S3BucketEntity(NAME, null, "arn:aws:s3:::" + NAME);
        var s3 = new S3EventNotification.S3Entity("import-arrivals", bucket, object, "1.0");
        var record = new S3EventNotification.S3EventNotificationRecord(
                "eu-west-2", "ObjectCreated:Put", "aws:s3", Instant.now().toString(), "2.1", null, null, s3, null);
        return new S3Event(List.of(record));
    }

    private Path fileOf(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a key of the import bucket: " + key);
        }
        return dir.resolve(key);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(
                            pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
        }
        arrivals.shutdownNow();
    }
}
