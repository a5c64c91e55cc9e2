package uk.sse.notifier;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Map;
import uk.sse.notifier.model.Reminders;

/**
 * When reminders fall due ({@code sse.notifier.reminders.*}): {@code waiting-target}, how long a request may wait to be
 * brokered (14 days, the reporting's "waiting" threshold), and {@code area-targets}, an area's own target (LA code to an
 * ISO-8601 duration, such as {@code 877: P7D}); {@code wanted-by-near}, how long before a wanted-by date its reminder
 * comes (7 days); {@code review-near}, how long before an offer's review date (30 days).
 */
@ConfigurationProperties("sse.notifier.reminders")
public record ReminderSettings(
        @Nullable Duration waitingTarget,
        @Nullable Map<String, String> areaTargets,
        @Nullable Duration wantedByNear,
        @Nullable Duration reviewNear) {

    public ReminderSettings {
        waitingTarget = waitingTarget == null ? Duration.ofDays(14) : waitingTarget;
        areaTargets = areaTargets == null ? Map.of() : Map.copyOf(areaTargets);
        areaTargets.values().forEach(Duration::parse); // a target that is not a duration stops the function starting
        wantedByNear = wantedByNear == null ? Duration.ofDays(7) : wantedByNear;
        reviewNear = reviewNear == null ? Duration.ofDays(30) : reviewNear;
    }

    public Reminders.Rules rules(String area) {
        String target = area == null ? null : areaTargets.get(area);
        return new Reminders.Rules(target == null ? waitingTarget : Duration.parse(target), wantedByNear, reviewNear);
    }
}
