package uk.sse.ledger.sweep;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import uk.sse.ledger.application.ExpireDueHolds;

/**
 * The sweeper's Lambda handler, run on a schedule (EventBridge, every minute): voids the holds whose timeout has
 * passed. Answers what it did, for the logs.
 */
public class SweepDueHolds extends MicronautRequestHandler<ScheduledEvent, Map<String, Object>> {

    /** Holds voided per run at most; the next run takes the rest. */
    public static final int PER_RUN = 1000;

    @Inject
    ExpireDueHolds expire;

    /** As Lambda builds it: an application context of its own, configured from the environment. */
    public SweepDueHolds() {
        super();
    }

    /** With an application context built from {@code builder}: for running the handler with given properties. */
    public SweepDueHolds(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public Map<String, Object> execute(ScheduledEvent event) {
        ExpireDueHolds.Swept swept = expire.sweep(PER_RUN);
        return Map.of(
                "due", swept.due(), "voided", swept.voided(), "at", swept.at().toString());
    }
}
