package uk.sse.brokerage.reconcile;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import uk.sse.brokerage.application.ReconcileEngagements;

/**
 * The reconciliation's Lambda handler, run on a schedule (EventBridge Scheduler, every five minutes): brings the
 * ledger's engagement holds and the brokerage's engagements into agreement. Answers what it did, for the logs.
 */
public class ReconcileOnSchedule extends MicronautRequestHandler<ScheduledEvent, Map<String, Object>> {

    /** Holds and engagements looked at per run at most; the next run takes the rest. */
    public static final int PER_RUN = 5000;

    @Inject
    ReconcileEngagements reconcile;

    /** As Lambda builds it: an application context of its own, configured from the environment. */
    public ReconcileOnSchedule() {
        super();
    }

    /** With an application context built from {@code builder}: for running the handler with given properties. */
    public ReconcileOnSchedule(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public Map<String, Object> execute(ScheduledEvent event) {
        ReconcileEngagements.Report report = reconcile.run(PER_RUN);
        return Map.of(
                "holds",
                report.holds(),
                "engagements",
                report.engagements(),
                "repairs",
                report.repairs(),
                "at",
                report.at().toString());
    }
}
