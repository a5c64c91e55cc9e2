package uk.sse.notifier.delivery;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.application.Destination;
import uk.sse.notifier.application.WebhookSender;
import uk.sse.notifier.model.SendResult;

/**
 * POSTs with the JDK's HTTP client: HTTP/1.1, redirects never followed (a 3xx is an answer like any other, so a
 * redirect cannot lead a webhook to an address the checks refused), a connect timeout, a timeout for the answer's
 * head, an overall deadline that also bounds reading the body, and at most {@code response-read-bytes} of the body
 * read. The host is resolved again by the client when it connects; the check just before used the same JVM resolver
 * and its cache (decision 0021 describes what remains of the rebinding gap).
 */
@Singleton
public class JdkWebhookSender implements WebhookSender {

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration deadline;
    private final int readBytes;
    private final int excerptBytes;

    public JdkWebhookSender(NotifierSettings settings) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
        this.requestTimeout = settings.requestTimeout();
        this.deadline =
                settings.connectTimeout().plus(settings.requestTimeout()).plusSeconds(1);
        this.readBytes = settings.responseReadBytes();
        this.excerptBytes = settings.responseExcerptBytes();
    }

    @Override
    public SendResult post(Destination destination, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(destination.uri())
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> sent =
                client.sendAsync(request.build(), info -> new CappedBody(readBytes));
        try {
            HttpResponse<byte[]> response = sent.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new SendResult.Answered(
                    response.statusCode(),
                    response.headers().firstValue("retry-after").orElse(null),
                    excerpt(response.body()),
                    millisSince(started));
        } catch (TimeoutException slow) {
            sent.cancel(true);
            return new SendResult.NoAnswer(
                    SendResult.Failure.TIMEOUT,
                    "no complete answer within " + deadline.toSeconds() + " s",
                    millisSince(started));
        } catch (ExecutionException failed) {
            return noAnswer(failed.getCause(), millisSince(started));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            sent.cancel(true);
            return new SendResult.NoAnswer(SendResult.Failure.CONNECTION, "interrupted", millisSince(started));
        }
    }

    private SendResult noAnswer(Throwable cause, long latency) {
        String detail = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
        if (cause instanceof HttpConnectTimeoutException) {
            return new SendResult.NoAnswer(
                    SendResult.Failure.TIMEOUT, "connecting took longer than the connect timeout", latency);
        }
        if (cause instanceof HttpTimeoutException) {
            return new SendResult.NoAnswer(
                    SendResult.Failure.TIMEOUT, "no answer within " + requestTimeout.toSeconds() + " s", latency);
        }
        if (cause instanceof ConnectException) {
            return new SendResult.NoAnswer(SendResult.Failure.CONNECTION, detail, latency);
        }
        if (cause instanceof IOException) {
            return new SendResult.NoAnswer(SendResult.Failure.PROTOCOL, detail, latency);
        }
        return new SendResult.NoAnswer(SendResult.Failure.PROTOCOL, detail, latency);
    }

    /** The first bytes of the answer as text, control characters dropped, cut to a whole character. */
    private String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(Arrays.copyOf(body, Math.min(body.length, excerptBytes)), StandardCharsets.UTF_8);
        if (body.length > excerptBytes && !text.isEmpty() && text.charAt(text.length() - 1) == '\uFFFD') {
            text = text.substring(0, text.length() - 1);
        }
        return text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
