package uk.sse.kernel.area;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.problem.ServiceBusy;

/**
 * The directory's register of areas (decision 0082) as another function knows it (decision 0085): {@code GET /areas},
 * asked as the function itself (its service token, never a person's), kept for {@code freshFor} and then asked again.
 * If the directory does not answer, the areas last read are kept for another {@code freshFor}; with none read yet, {@link ServiceBusy} (a 503).
 * Membership is then decided by the kernel's rules ({@link DefinedAreas}) over what was read.
 */
public final class AreaRegister {

    private static final Logger LOG = LoggerFactory.getLogger(AreaRegister.class);

    /** An area as {@code GET /areas} answers it: the fields this needs, others (its version) ignored. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listed(
            String id,
            String name,
            AreaKind kind,
            @Nullable List<String> laCodes,
            @Nullable List<String> trustCodes,
            @Nullable List<String> urns,
            @Nullable Boolean schoolsRaiseRequests) {

        AreaDefinition definition() {
            return new AreaDefinition(id, name, kind, laCodes, trustCodes, urns, schoolsRaiseRequests);
        }
    }

    private final Supplier<List<Listed>> source;
    private final Duration freshFor;
    private final Clock clock;
    private DefinedAreas known;
    private Instant readAt = Instant.MIN;

    /**
     * Reads {@code areasUrl} (the directory's {@code /areas}) with {@code authorization}: the function's own bearer
     * ({@code ServiceCredentials::bearer}).
     */
    public static AreaRegister overHttp(
            URI areasUrl, Supplier<String> authorization, JsonMapper json, Duration timeout, Duration freshFor) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new AreaRegister(
                () -> {
                    HttpRequest request = HttpRequest.newBuilder(areasUrl)
                            .timeout(timeout)
                            .header("Accept", "application/json")
                            .header("Authorization", authorization.get())
                            .GET()
                            .build();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new ServiceBusy(
                                    "the directory's register of areas answered " + response.statusCode(), null);
                        }
                        return json.readValue(response.body(), Argument.listOf(Listed.class));
                    } catch (IOException e) {
                        throw new ServiceBusy("the directory's register of areas did not answer: " + e.getMessage(), e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ServiceBusy("interrupted while reading the register of areas", e);
                    }
                },
                freshFor,
                Clock.systemUTC());
    }

    public AreaRegister(Supplier<List<Listed>> source, Duration freshFor, Clock clock) {
        this.source = source;
        this.freshFor = freshFor;
        this.clock = clock;
    }

    /** The areas as last read, read again if older than {@code freshFor}. */
    public synchronized DefinedAreas now() {
        Instant now = clock.instant();
        if (known == null || !now.isBefore(readAt.plus(freshFor))) {
            try {
                known = new DefinedAreas(
                        source.get().stream().map(Listed::definition).toList());
                readAt = now;
            } catch (RuntimeException unread) {
                if (known == null) {
                    throw unread instanceof ServiceBusy busy
                            ? busy
                            : new ServiceBusy("the register of areas could not be read: " + unread, unread);
                }
                LOG.warn(
                        "the register of areas could not be read again; using what was read at {}: {}",
                        readAt,
                        unread.toString());
                readAt = now; // asked again once more is due, not on every call while the directory is down
            }
        }
        return known;
    }
}
