package uk.sse.ledger.entitlements;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import uk.sse.ledger.application.GiveEntitlements;

import java.util.Map;

/**
 * The credit schemes' Lambda handler (EventBridge Scheduler, daily; locally every minute): gives each member school its
 * entitlement for the term and expires last year's unspent entitlement, each once (decision 0083).
 */
public class GiveEntitlementsOnSchedule extends MicronautRequestHandler<ScheduledEvent, Map<String, Object>> {

    @Inject
    GiveEntitlements entitlements;

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
        if (run.failed() > 0) { // after every other school is done: the invocation fails, so its errors alarm sees it and a retry is safe
            throw new IllegalStateException(run.failed() + " schools were not done this run: " + run);
        }
        return Map.of("term", run.term(), "areas", run.areas(), "schools", run.schools(), "given", run.given(),
                "expired", run.expired(), "failed", run.failed());
    }
}
