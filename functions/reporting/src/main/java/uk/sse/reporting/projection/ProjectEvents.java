package uk.sse.reporting.projection;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The Lambda handler of the brokerage, ledger and directory tables' streams (one event source mapping each, with
 * {@code ReportBatchItemFailures}). Failed records are reported by sequence number, so the mapping retries from the
 * first of them; everything before it is done, and everything it repeats converges.
 */
public class ProjectEvents extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    // Lambda constructs the handler itself, so Micronaut can only inject a field
    @Inject
    Projector projector;

    public ProjectEvents() {
        super();
    }

    /** For the tests and the local run: a context configured by the caller. */
    public ProjectEvents(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        List<String> failed = projector.project(event.getRecords() == null ? List.of() : event.getRecords());
        return StreamsEventResponse.builder()
                .withBatchItemFailures(failed.stream()
                        .map(StreamsEventResponse.BatchItemFailure::new)
                        .toList())
                .build();
    }
}
