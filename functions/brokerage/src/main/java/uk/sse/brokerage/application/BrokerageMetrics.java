package uk.sse.brokerage.application;

import jakarta.inject.Singleton;
import java.time.Duration;
import uk.sse.brokerage.model.Action;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Result;
import uk.sse.brokerage.model.Transition;
import uk.sse.kernel.metrics.AreaMetrics;
import uk.sse.kernel.metrics.Metric;

/**
 * What an area's brokerage is doing, as CloudWatch metrics (the kernel's {@link AreaMetrics}, per area and overall), told
 * once a transition is written: {@code RequestsRaised}; {@code TimeToBroker}, the seconds from raising a request to the
 * broker's first proposal for it; {@code HoldsPlaced} and {@code CreditsHeld} when an agreement places its hold; and
 * {@code RaisedWithoutMatch}, 1 for a request raised with no suggestion because search found no offer of its areas of
 * support near the school, 0 when it found some (its average is the share of requests search could not help with; a
 * request raised while search was down is neither).
 */
@Singleton
public class BrokerageMetrics {

    public static final String RAISED = "RequestsRaised";
    public static final String TIME_TO_BROKER = "TimeToBroker";
    public static final String HOLDS_PLACED = "HoldsPlaced";
    public static final String CREDITS_HELD = "CreditsHeld";
    public static final String WITHOUT_MATCH = "RaisedWithoutMatch";

    private final AreaMetrics metrics;

    public BrokerageMetrics(AreaMetrics metrics) {
        this.metrics = metrics;
    }

    /** {@code applied} has been written (not before: a write that loses its race is no observation). */
    public void written(Result.Applied applied) {
        BrokerageRequest r = applied.request();
        Transition t = applied.transition();
        switch (t.action()) {
            case RAISE -> metrics.area(r.area(), Metric.count(RAISED));
            case PROPOSE -> {
                if (r.history().stream()
                                .filter(h -> h.action() == Action.PROPOSE)
                                .count()
                        == 1) {
                    metrics.area(r.area(), Metric.seconds(TIME_TO_BROKER, Duration.between(r.raisedAt(), t.at())));
                }
            }
            case AGREE ->
                metrics.area(
                        r.area(),
                        Metric.count(HOLDS_PLACED),
                        Metric.count(
                                CREDITS_HELD,
                                r.engagement() == null ? 0 : r.engagement().credits()));
            default -> {}
        }
    }

    /** A raised request (written) for which search answered: whether it suggested nothing. */
    public void searched(String area, boolean nothingSuggested) {
        metrics.area(area, Metric.count(WITHOUT_MATCH, nothingSuggested ? 1 : 0));
    }
}
