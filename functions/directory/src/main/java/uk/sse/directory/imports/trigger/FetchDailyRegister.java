package uk.sse.directory.imports.trigger;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import uk.sse.directory.imports.FetchDailyFile;
import uk.sse.directory.imports.ImportJob;

/**
 * The daily fetch's Lambda handler, run by EventBridge Scheduler as the service itself: brings the day's GIAS file
 * into the import bucket, whose arrival starts its import. Answers the job, for the logs.
 */
public class FetchDailyRegister extends MicronautRequestHandler<ScheduledEvent, Map<String, Object>> {

    @Inject
    FetchDailyFile fetch;

    public FetchDailyRegister() {
        super();
    }

    public FetchDailyRegister(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public Map<String, Object> execute(ScheduledEvent event) {
        ImportJob job = fetch.today();
        return Map.of(
                "import",
                job.id(),
                "status",
                job.status().name(),
                "failure",
                job.failure() == null ? "" : job.failure());
    }
}
