package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.web.Fixtures.AREA;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.sse.directory.storage.DirectoryTable;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.events.StreamedEvents;
import uk.sse.kernel.identity.Role;

/** Every offer version is reported once in the table's stream, in the shared envelope, for the notifier and reporting. */
@MicronautTest(environments = "test")
class OfferEventsTest extends LambdaTest {

    @Inject
    DirectoryTable table;

    @Inject
    EventJson json;

    @Test
    void eachAssuranceStepIsOneEventInTheStream() {
        String provider = fixtures.registeredProvider("100008");
        String id = (String) fixtures.draftOffer("100008", AREA).map().get("id");
        assertThat(fixtures.act(id, provider, "SUBMIT", null, null).status()).isEqualTo(200);
        String assurer = fixtures.token(Role.ASSURER, AREA, null);
        assertThat(fixtures.act(
                                id,
                                assurer,
                                "APPROVE",
                                "meets the standard",
                                LocalDate.now().plusYears(1))
                        .status())
                .isEqualTo(200);
        assertThat(fixtures.act(id, assurer, "APPROVE", "again", LocalDate.now().plusYears(1))
                        .status())
                .isEqualTo(409);

        List<EventEnvelope> events = new ArrayList<>();
        try (TableStreamReader stream =
                TableStreamReader.of(Engines.dynamo().endpoint(), table.name(), StartingPosition.TRIM_HORIZON)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.size() < 3 && System.nanoTime() < deadline) {
                stream.readAtLeast(1, Duration.ofSeconds(2)).stream()
                        .map(r -> StreamedEvents.of(r, json))
                        .flatMap(Optional::stream)
                        .filter(e -> id.equals(e.data().get("offerId")))
                        .forEach(events::add);
            }
        }
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly("directory.offer.created", "directory.offer.submitted", "directory.offer.approved");
        assertThat(events).extracting(EventEnvelope::id).containsExactly(id + "/1", id + "/2", id + "/3");
        assertThat(events).allSatisfy(e -> assertThat(e.area()).isEqualTo(AREA));
        EventEnvelope approved = events.get(2);
        assertThat(approved.data())
                .containsEntry("providerId", "100008")
                .containsEntry("providerType", "SCHOOL")
                .containsEntry("status", "APPROVED")
                .containsEntry("from", "SUBMITTED")
                .containsEntry("to", "APPROVED")
                .containsEntry("action", "APPROVE")
                .containsEntry("reason", "meets the standard")
                .containsEntry("reviewDate", LocalDate.now().plusYears(1).toString())
                .containsKey("title");
        assertThat(events.get(1).data())
                .containsEntry("status", "SUBMITTED")
                .containsEntry("by", "provider-" + AREA + "-100008");
    }
}
