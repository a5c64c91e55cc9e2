package uk.sse.directory.signals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.directory.application.RecordOutcomes;
import uk.sse.kernel.correlation.Correlation;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.events.StreamedEvents;

/**
 * The Lambda handler of the brokerage table's stream, for the directory's quality signals: completed engagements
 * and impact ratings reach the offers (and through the directory's stream, the search index). A record that fails
 * is reported as the batch's first failure (the event source mapping needs {@code ReportBatchItemFailures}), so it
 * and those after it are retried; recording is idempotent, so the retry is safe.
 */
public class RecordEngagementOutcomes extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(RecordEngagementOutcomes.class);

    // Lambda constructs the handler itself, so Micronaut can only inject fields
    @Inject
    RecordOutcomes outcomes;

    @Inject
    EventJson json;

    public RecordEngagementOutcomes() {
        super();
    }

    /** For the tests and the local run: a context configured by the caller. */
    public RecordEngagementOutcomes(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (DynamodbStreamRecord record : records) {
            Optional<EventEnvelope> read = StreamedEvents.of(record, json); // an unreadable event is empty, not thrown
            boolean[] done = {true};
            // the lines about an event carry the correlation id of the request that made it
            Correlation.during(
                    read.map(EventEnvelope::correlationId).orElse(null), () -> done[0] = record(record, read));
            if (!done[0]) {
                return StreamsEventResponse.builder()
                        .withBatchItemFailures(List.of(new StreamsEventResponse.BatchItemFailure(
                                record.getDynamodb().getSequenceNumber())))
                        .build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    /** Whether the record is done with (false: it failed, and it and those after it come again). */
    private boolean record(DynamodbStreamRecord record, Optional<EventEnvelope> event) {
        try {
            if (event.isPresent() && outcomes.record(event.get())) {
                LOG.info(
                        "event {} ({}) recorded in an offer's signals",
                        event.get().id(),
                        event.get().type());
            }
            return true;
        } catch (RuntimeException failed) {
            LOG.warn(
                    "could not record the outcome in {}: {}",
                    record.getDynamodb().getSequenceNumber(),
                    failed.toString());
            return false;
        }
    }
}
