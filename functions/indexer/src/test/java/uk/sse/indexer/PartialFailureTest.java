package uk.sse.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A record the index refuses, that does not meet the directory's published shape, or that the index cannot be reached
 * for, is reported for retry; the others land.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartialFailureTest {

    private Harness h;

    @BeforeAll
    void start() {
        h = Harness.create("failures");
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @BeforeEach
    void emptyIndices() {
        h.stream.next();
        h.resetIndices();
    }

    @Test
    void a_record_the_strict_mapping_refuses_is_reported_and_the_rest_are_indexed() {
        h.directory.put(TestOffer.draft("F1"));
        h.directory.put(TestOffer.draft("F2").at(200.0, -2.13)); // latitude 200: the geo_point refuses it
        h.directory.put(TestOffer.draft("F3"));
        var records = h.stream.next();

        var response = h.handle(records);

        assertThat(response.getBatchItemFailures())
                .extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly(currentOf(records, "F2"));
        assertThat(h.get("offers", "F1").found()).isTrue();
        assertThat(h.get("offers", "F3").found()).isTrue();
        assertThat(h.get("offers", "F2").found()).isFalse();
    }

    @Test
    void a_record_that_does_not_meet_the_published_shape_is_reported_and_the_rest_are_indexed() {
        h.directory.put(TestOffer.draft("F6"));
        h.directory.put(TestOffer.draft("F7").withAvailableFrom("next spring"));
        var records = h.stream.next();

        var response = h.handle(records);

        assertThat(response.getBatchItemFailures())
                .extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly(currentOf(records, "F7"));
        assertThat(h.get("offers", "F6").found()).isTrue();
        assertThat(h.get("offers", "F7").found()).isFalse();
    }

    private static String currentOf(
            java.util.List<com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord> records,
            String offerId) {
        return records.stream()
                .filter(r -> r.getDynamodb().getKeys().get("pk").getS().equals("OFFER#" + offerId))
                .filter(r -> r.getDynamodb().getKeys().get("sk").getS().equals("CURRENT"))
                .findFirst()
                .orElseThrow()
                .getDynamodb()
                .getSequenceNumber();
    }

    @Test
    void when_opensearch_cannot_be_reached_every_indexable_record_is_reported_and_a_retry_lands_them()
            throws Exception {
        h.directory.putProvider("P9");
        h.directory.put(TestOffer.draft("F4"));
        h.directory.putSchool("100009", "Hillside Primary", "Lancaster");
        var records = h.stream.next();

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (IndexDirectoryChanges unreachable = Harness.handler("http://127.0.0.1:" + closedPort, h.table)) {
            var response = unreachable.handleRequest(TableStreamRecords.event(records), null);
            // the offer's current item and the school; the provider and the offer's version copy need nothing
            assertThat(response.getBatchItemFailures()).hasSize(2);
        }

        assertThat(h.handle(records).getBatchItemFailures()).isEmpty();
        assertThat(h.get("offers", "F4").found()).isTrue();
        assertThat(h.get("schools", "100009").found()).isTrue();
    }
}
