package uk.sse.ledger.check;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import uk.sse.ledger.application.CheckEveryArea;

/** The scheduled invariant check's Lambda handler (EventBridge Scheduler, hourly): every area, a metric each. */
public class CheckLedgerOnSchedule extends MicronautRequestHandler<ScheduledEvent, Map<String, Object>> {

    @Inject
    CheckEveryArea check;

    /** As Lambda builds it: an application context of its own, configured from the environment. */
    public CheckLedgerOnSchedule() {
        super();
    }

    /** With an application context built from {@code builder}: for running the handler with given properties. */
    public CheckLedgerOnSchedule(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public Map<String, Object> execute(ScheduledEvent event) {
        CheckEveryArea.Run run = check.run();
        return Map.of("checked", run.checked(), "failing", run.failing());
    }
}
