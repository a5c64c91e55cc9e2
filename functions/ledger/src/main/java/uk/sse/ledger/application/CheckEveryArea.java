package uk.sse.ledger.application;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.metrics.AreaMetrics;
import uk.sse.kernel.metrics.Metric;

/**
 * The scheduled invariant check: {@link CheckLedger} over every area, each area's count of violations a metric
 * ({@value #VIOLATIONS}, per area and overall, zero when the area checks out, so the dashboard shows that it ran) and
 * each violation a log line. The CDK app alarms when two checks in a row find any: the check reads an area page by
 * page, so one finding can be a transfer landing mid-check; a second one is real (docs/operations.md).
 */
@Singleton
public class CheckEveryArea {

    public static final String VIOLATIONS = "LedgerInvariantViolations";

    private static final Logger LOG = LoggerFactory.getLogger(CheckEveryArea.class);

    private final LedgerAreas areas;
    private final CheckLedger check;
    private final AreaMetrics metrics;

    public CheckEveryArea(LedgerAreas areas, CheckLedger check, AreaMetrics metrics) {
        this.areas = areas;
        this.check = check;
        this.metrics = metrics;
    }

    /** What one run found: the areas checked and those with violations. */
    public record Run(List<String> checked, List<String> failing) {}

    public Run run() {
        List<String> checked = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (String area : areas.all()) {
            CheckLedger.Report report = check.run(area);
            checked.add(area);
            metrics.area(area, Metric.count(VIOLATIONS, report.violations().size()));
            if (!report.ok()) {
                failing.add(area);
                report.violations().forEach(v -> LOG.error("ledger of area {} breaks an invariant: {}", area, v));
            }
        }
        LOG.info("ledger checked in {} areas; {} with violations {}", checked.size(), failing.size(), failing);
        return new Run(checked, failing);
    }
}
