package uk.sse.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.scheduler.ContextAttribute;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * Runs a sweeper's alias on an EventBridge Scheduler rate. The input has the shape of an EventBridge scheduled
 * event ({@code ScheduledEvent}, which the sweepers take) with the scheduled time. A missed run is not retried:
 * the next one, a minute later, sweeps what it left.
 */
public class Sweeper extends Construct {

    private final Schedule schedule;

    public Sweeper(Construct scope, String id, String name, SnapStartFunction sweeper, Duration every, String stage) {
        super(scope, id);
        schedule = Schedule.Builder.create(this, "Schedule")
                .scheduleName("sse-" + stage + "-" + name)
                .description(name + " every " + every.toHumanString())
                .schedule(ScheduleExpression.rate(every))
                .target(new LambdaInvoke(
                        sweeper.alias(),
                        ScheduleTargetBaseProps.builder()
                                .input(ScheduleTargetInput.fromObject(Map.of(
                                        "source", "uk.sse.scheduler",
                                        "detail-type", "Scheduled Event",
                                        "resources", List.of(ContextAttribute.getScheduleArn()),
                                        "time", ContextAttribute.getScheduledTime(),
                                        "detail", Map.of())))
                                .retryAttempts(0)
                                .maxEventAge(Duration.minutes(1))
                                .build()))
                .build();
    }

    public Schedule schedule() {
        return schedule;
    }
}
