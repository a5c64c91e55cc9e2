package uk.sse.ledger.entitlements;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import uk.sse.kernel.metrics.Metric;
import uk.sse.kernel.metrics.Metrics;
import uk.sse.ledger.application.GiveEntitlements;

/**
 * The credit schemes' Lambda handler (EventBridge Scheduler, daily; locally every minute): gives each member school its
 * entitlement for the term and expires last year's unspent entitlement, each once (decision 0083).
 */
public class GiveEntitlementsOnSchedule extends MicronautRequestHandler<ScheduledEvent, Map<String, Object>> {

    /** Runs that did every school with a scheme, 1 a run (0 if any school was left): its silence is the missed-term alarm. */
    public static final String COMPLETED = "EntitlementRunsCompleted";

    @Inject
    GiveEntitlements entitlements;

    @Inject
    Metrics metrics;

    /** As Lambda builds it: an application context of its own, configured from the environment. */
    public GiveEntitlementsOnSchedule() {
        super();
    }

    /** With an application context built from {@code builder}: for running the handler with given properties. */
    public GiveEntitlementsOnSchedule(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public Map<String, Object> execute(ScheduledEvent event) {
        GiveEntitlements.Run run = entitlements.run();
        // a term is missed only if no run completes in it: the alarm on this metric fires after three days without one
        metrics.put(
                Metrics.NAMESPACE,
                Map.of(),
                false,
                List.of(
                        Metric.count(COMPLETED, run.failed() == 0 ? 1 : 0),
                        Metric.count("EntitlementsGiven", run.given())),
                Map.of("term", run.term()));
        if (run.failed()
                > 0) { // after every other school is done: the invocation fails, so its errors alarm sees it and a
            // retry is safe
            throw new IllegalStateException(run.failed() + " schools were not done this run: " + run);
        }
        return Map.of(
                "term",
                run.term(),
                "areas",
                run.areas(),
                "schools",
                run.schools(),
                "given",
                run.given(),
                "expired",
                run.expired(),
                "failed",
                run.failed());
    }
}
