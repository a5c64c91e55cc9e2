package uk.sse.notifier.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.events.StreamedEvents;
import uk.sse.notifier.application.DeliverEvents;
import uk.sse.notifier.application.PostNotices;
import uk.sse.notifier.application.WatchDates;

/**
 * The Lambda handler of the brokerage, directory and ledger tables' streams, and of the notifier's own (which carries
 * {@code notifier.subscription.disabled}): webhooks to the subscriptions, and notices (in-app, and by email) to the people
 * who must act; and the dates to remind them of. Only events' inserts matter (docs/events.md); the rest of each stream is
 * its publisher's state and is skipped, as is an event that cannot be read (logged). Partial batch failures are
 * reported by sequence number (the mapping needs {@code ReportBatchItemFailures}): a record whose deliveries could not
 * be stored comes again, and its repeat makes no second delivery.
 */
public class NotifyOnEvents extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyOnEvents.class);

    // Lambda constructs the handler itself, so Micronaut can only inject fields
    @Inject
    DeliverEvents deliver;

    @Inject
    EventJson json;

    @Inject
    PostNotices notices;

    @Inject
    WatchDates watches;

    public NotifyOnEvents() {
        super();
    }

    /** For the tests and the local run: a context configured by the caller. */
    public NotifyOnEvents(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        List<DeliverEvents.Incoming> incoming = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record :
                event.getRecords() == null ? List.<DynamodbEvent.DynamodbStreamRecord>of() : event.getRecords()) {
            String text = StreamedEvents.envelopeJson(record);
            if (text == null) {
                continue;
            }
            Optional<EventEnvelope> envelope = json.read(text);
            if (envelope.isEmpty()) {
                LOG.error(
                        "stream record {} holds an event that cannot be read; skipped: {}",
                        record.getDynamodb().getSequenceNumber(),
                        text.length() > 300 ? text.substring(0, 300) + "..." : text);
                continue;
            }
            incoming.add(new DeliverEvents.Incoming(record.getDynamodb().getSequenceNumber(), envelope.get(), text));
        }
        DeliverEvents.Outcome outcome = deliver.deliver(incoming);
        java.util.Set<String> again = new java.util.LinkedHashSet<>(outcome.failedRecords());
        again.addAll(notices.post(incoming));
        again.addAll(watches.watch(incoming));
        if (outcome.made() > 0 || outcome.duplicates() > 0 || !again.isEmpty()) {
            LOG.info(
                    "{} events: {} deliveries made, {} already made, {} records to come again",
                    incoming.size(),
                    outcome.made(),
                    outcome.duplicates(),
                    again.size());
        }
        return StreamsEventResponse.builder()
                .withBatchItemFailures(again.stream()
                        .map(StreamsEventResponse.BatchItemFailure::new)
                        .toList())
                .build();
    }
}
