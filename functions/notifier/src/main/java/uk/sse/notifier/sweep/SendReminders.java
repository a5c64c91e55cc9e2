package uk.sse.notifier.sweep;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.sse.notifier.application.RemindWhatIsDue;

/**
 * The reminders' Lambda handler, run every hour by EventBridge Scheduler (every minute in the local run): reminds
 * people of what the passing of time made due (decision 0076). Answers what it did, for the logs.
 */
public class SendReminders extends MicronautRequestHandler<ScheduledEvent, Map<String, Object>> {

    @Inject
    RemindWhatIsDue remind;

    /** As Lambda builds it: an application context of its own, configured from the environment. */
    public SendReminders() {
        super();
    }

    /** With an application context built from {@code builder}: for the tests and the local run. */
    public SendReminders(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public Map<String, Object> execute(ScheduledEvent event) {
        RemindWhatIsDue.Reminded r = remind.sweep();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("watched", r.watched());
        out.put("due", r.due());
        out.put("made", r.made());
        out.put("failed", r.failed());
        out.put("at", r.at().toString());
        return out;
    }
}
