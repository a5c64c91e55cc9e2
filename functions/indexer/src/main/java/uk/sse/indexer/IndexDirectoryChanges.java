package uk.sse.indexer;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The Lambda handler of the directory table's stream. Partial batch failures are reported by sequence
 * number (the event source mapping needs {@code ReportBatchItemFailures}), so a failed record is retried and
 * the ones before it are not.
 */
public class IndexDirectoryChanges extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    // Lambda constructs the handler itself, so Micronaut can only inject a field
    @Inject
    DirectoryChangeIndexer indexer;

    public IndexDirectoryChanges() {
        super();
    }

    /** For the tests and the local run: a context configured by the caller. */
    public IndexDirectoryChanges(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        List<String> failed = indexer.index(event.getRecords() == null ? List.of() : event.getRecords());
        return StreamsEventResponse.builder()
                .withBatchItemFailures(failed.stream()
                        .map(StreamsEventResponse.BatchItemFailure::new)
                        .toList())
                .build();
    }
}
