package uk.sse.notifier.sweep;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.sse.notifier.application.SendDueDeliveries;

/**
 * The sweeper's Lambda handler, run every minute by EventBridge Scheduler: attempts the deliveries that are due
 * (retries, rate-limited ones, those whose sender's lease ran out). Answers what it did, for the logs.
 */
public class RetryDueDeliveries extends MicronautRequestHandler<ScheduledEvent, Map<String, Object>> {

    /** Deliveries attempted per run at most; the next run takes the rest. */
    public static final int PER_RUN = 500;

    @Inject
    SendDueDeliveries send;

    /** As Lambda builds it: an application context of its own, configured from the environment. */
    public RetryDueDeliveries() {
        super();
    }

    /** With an application context built from {@code builder}: for the tests and the local run. */
    public RetryDueDeliveries(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public Map<String, Object> execute(ScheduledEvent event) {
        SendDueDeliveries.Swept swept = send.sweep(PER_RUN);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("due", swept.due());
        out.put("attempted", swept.attempted());
        out.put("delivered", swept.delivered());
        out.put("deferred", swept.deferred());
        out.put("cancelled", swept.cancelled());
        out.put("at", swept.at().toString());
        return out;
    }
}
