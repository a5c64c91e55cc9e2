package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.web.Fixtures.AREA;
import static uk.sse.directory.web.Fixtures.OTHER_AREA;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.contracts.directory.DirectoryEvent.DesignationRefused;
import uk.sse.contracts.directory.DirectoryEvent.DesignationsVerified;
import uk.sse.directory.storage.DirectoryTable;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.events.StreamedEvents;
import uk.sse.kernel.identity.Role;

/**
 * An assurer's decisions on a provider's claims reach the table's stream as the contract's events (decision 0088), each
 * written with the provider's version it made; a refused attempt, and a verification that changes nothing, write none.
 */
@MicronautTest(environments = "test")
class DesignationEventsTest extends LambdaTest {

    private static final String PROVIDER = "prv_decided";

    @Inject
    DirectoryTable table;

    @Inject
    EventJson json;

    @Test
    void eachRefusalAndEachChangeOfWhatIsVerifiedIsOneEvent() {
        String own = fixtures.token(Role.PROVIDER, AREA, PROVIDER);
        var body = Fixtures.otherProvider("HUB", "Decided Claims Hub", AREA);
        body.put("designations", List.of("TEACHING_SCHOOL_HUB", "MATHS_HUB", "ENGLISH_HUB"));
        assertThat(api.post("/providers", own, body).status()).isEqualTo(201);
        String assurer = fixtures.token(Role.ASSURER, AREA, "la-assurance");
        var refusal = Map.of("designation", "TEACHING_SCHOOL_HUB", "reason", "Not on the DfE's list");

        assertThat(refuse(fixtures.token(Role.ASSURER, OTHER_AREA, null), "\"v1\"", refusal)
                        .status())
                .as("another area's assurer")
                .isEqualTo(403);
        assertThat(refuse(assurer, "\"v1\"", refusal).status()).isEqualTo(200);
        assertThat(verify(assurer, "\"v2\"", List.of("MATHS_HUB")).status()).isEqualTo(200);
        assertThat(verify(assurer, "\"v3\"", List.of("MATHS_HUB")).status())
                .as("the same verification again: a new version, nothing decided")
                .isEqualTo(200);
        assertThat(verify(assurer, "\"v4\"", List.of("ENGLISH_HUB")).status()).isEqualTo(200);

        List<EventEnvelope> events = new ArrayList<>();
        try (TableStreamReader stream =
                TableStreamReader.of(Engines.dynamo().endpoint(), table.name(), StartingPosition.TRIM_HORIZON)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.stream().noneMatch(e -> e.id().equals(PROVIDER + "/5")) && System.nanoTime() < deadline) {
                stream.readAtLeast(1, Duration.ofSeconds(2)).stream()
                        .map(r -> StreamedEvents.of(r, json))
                        .flatMap(Optional::stream)
                        .filter(e -> PROVIDER.equals(e.data().get("providerId")))
                        .forEach(events::add);
            }
        }
        assertThat(events)
                .extracting(EventEnvelope::id)
                .containsExactly(PROVIDER + "/2", PROVIDER + "/3", PROVIDER + "/5");
        List<DirectoryEvent> read = events.stream()
                .map(e -> DirectoryEvent.read(e.type(), e.occurredAt(), e.area(), e.data())
                        .orElseThrow())
                .toList();
        String by = "assurer-" + AREA + "-la-assurance";
        assertThat(read.get(0)).isInstanceOfSatisfying(DesignationRefused.class, r -> {
            assertThat(r.area()).isEqualTo(AREA);
            assertThat(r.providerName()).isEqualTo("Decided Claims Hub");
            assertThat(r.designation()).isEqualTo("TEACHING_SCHOOL_HUB");
            assertThat(r.reason()).isEqualTo("Not on the DfE's list");
            assertThat(r.by()).isEqualTo(by);
        });
        assertThat(read.get(1)).isInstanceOfSatisfying(DesignationsVerified.class, v -> {
            assertThat(v.verified()).containsExactly("MATHS_HUB");
            assertThat(v.unverified()).isEmpty();
            assertThat(v.by()).isEqualTo(by);
        });
        assertThat(read.get(2)).isInstanceOfSatisfying(DesignationsVerified.class, v -> {
            assertThat(v.verified()).containsExactly("ENGLISH_HUB");
            assertThat(v.unverified()).containsExactly("MATHS_HUB");
        });
    }

    private uk.sse.testing.Api.Reply refuse(String bearer, String ifMatch, Object body) {
        return api.send(uk.sse.testing.Api.auth(
                        io.micronaut.http.HttpRequest.POST("/providers/" + PROVIDER + "/designations/refusals", body),
                        bearer)
                .header("If-Match", ifMatch));
    }

    private uk.sse.testing.Api.Reply verify(String bearer, String ifMatch, List<String> verified) {
        return api.put("/providers/" + PROVIDER + "/designations", bearer, ifMatch, Map.of("verified", verified));
    }
}
