package uk.sse.web.pages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.session.Person;

/**
 * The attribution the Open Government Licence requires wherever the service shows places or distances it worked out
 * from OS Code-Point Open (the postcode directory, decision 0051): the lines of the release the directory holds, as its
 * import recorded them (decision 0097, {@code GET /postcodes/release}). A release changes a few times a year, so what
 * was read is kept for {@code sse.web.postcode-release-fresh-for} (10 minutes unless set). Before any release is
 * imported, or while the directory cannot say, the licence's lines without a year.
 */
@Singleton
public class PostcodeAttribution {

    public static final List<String> UNDATED = List.of(
            "Contains OS data © Crown copyright and database right",
            "Contains Royal Mail data © Royal Mail copyright and database right",
            "Contains National Statistics data © Crown copyright and database right");

    /** What the directory's API says of its release (docs/api/directory.yml). */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Release(List<String> attribution) {}

    private record Read(List<String> lines, Instant at) {}

    private final Api api;
    private final Clock clock;
    private final Duration freshFor;
    private volatile Read last;

    public PostcodeAttribution(
            Api api, Clock clock, @Value("${sse.web.postcode-release-fresh-for:10m}") Duration freshFor) {
        this.api = api;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    /** The lines crediting the postcode data, asked for alongside the page's other calls. */
    public CompletableFuture<List<String>> lines(Person person) {
        Read known = last;
        if (known != null && known.at().plus(freshFor).isAfter(clock.instant())) {
            return CompletableFuture.completedFuture(known.lines());
        }
        return api.getAsync(person, "/postcodes/release").handle((reply, failure) -> {
            List<String> lines = failure != null || reply == null ? null : read(reply);
            if (lines == null) { // the directory cannot say now: what was read before, and ask again next time
                return known == null ? UNDATED : known.lines();
            }
            last = new Read(lines, clock.instant());
            return lines;
        });
    }

    private static List<String> read(ApiReply reply) {
        if (reply.missing()) {
            return UNDATED;
        }
        return reply.ok() ? reply.as(Release.class).attribution() : null;
    }
}
