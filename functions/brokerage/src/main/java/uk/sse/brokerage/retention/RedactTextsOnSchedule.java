package uk.sse.brokerage.retention;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import uk.sse.brokerage.application.RedactExpiredTexts;

/**
 * Retention's Lambda handler, run daily on a schedule (EventBridge Scheduler, decision 0111): redacts the texts of
 * requests closed two years ago. Its day is the event's scheduled {@code time} (the clock if it has none), so a run
 * for a given day can be made by hand; a {@code detail} of {@code {"pointClosed": true}} first points every closed
 * request at its day (once, for requests closed before retention was built). Answers what it did, for the logs.
 */
public class RedactTextsOnSchedule extends MicronautRequestHandler<ScheduledEvent, Map<String, Object>> {

    @Inject
    RedactExpiredTexts retention;

    @Inject
    Clock clock;

    /** As Lambda builds it: an application context of its own, configured from the environment. */
    public RedactTextsOnSchedule() {
        super();
    }

    /** With an application context built from {@code builder}: for running the handler with given properties. */
    public RedactTextsOnSchedule(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public Map<String, Object> execute(ScheduledEvent event) {
        Instant now = event.getTime() == null
                ? clock.instant()
                : Instant.ofEpochMilli(event.getTime().getMillis());
        boolean pointClosed = event.getDetail() != null
                && Boolean.TRUE.equals(event.getDetail().get("pointClosed"));
        RedactExpiredTexts.Swept swept = retention.sweep(now, pointClosed);
        return Map.of(
                "day",
                swept.today().toString(),
                "requests",
                swept.requests(),
                "events",
                swept.events(),
                "pointed",
                swept.pointed());
    }
}
