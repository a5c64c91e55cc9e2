package uk.sse.reporting.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.reporting.application.ReadReports;
import uk.sse.reporting.application.ReportAsk;
import uk.sse.reporting.reports.AreaLevel;
import uk.sse.reporting.reports.ImpactGrouping;
import uk.sse.reporting.reports.ProviderGrouping;
import uk.sse.reporting.reports.Report;
import uk.sse.reporting.scenario.Scenario;
import uk.sse.reporting.scenario.ScenarioReports;

/** Every report of the scenario's area and period, read through the reports use case of a context, as tables. */
public final class ReportFigures {

    private final ReadReports reports;

    public ReportFigures(ApplicationContext context) {
        this.reports = context.getBean(ReadReports.class);
    }

    /** Report path (as {@link ScenarioReports} names them) to its figures. */
    public Map<String, ReportTable> all() {
        Caller c = new Caller("commissioner-888", Role.COMMISSIONER, Scenario.AREA, null);
        ReportAsk ask = new ReportAsk(null, Scenario.FROM, Scenario.TO);
        Map<String, ReportTable> all = new LinkedHashMap<>();
        all.put("/reports/days", table(reports.days(c, ask, AreaLevel.DETAILED)));
        all.put("/reports/days?level=TOP", table(reports.days(c, ask, AreaLevel.TOP)));
        all.put("/reports/schools", table(reports.schools(c, ask)));
        all.put("/reports/providers", table(reports.providers(c, ask, ProviderGrouping.PROVIDER)));
        all.put("/reports/providers?by=TYPE", table(reports.providers(c, ask, ProviderGrouping.TYPE)));
        all.put("/reports/credits", table(reports.credits(c, ask)));
        all.put("/reports/balances", table(reports.balances(c, ask)));
        all.put("/reports/service-levels", table(reports.serviceLevels(c, ask)));
        all.put("/reports/waiting", table(reports.waiting(c, ask, 14)));
        all.put("/reports/waiting?waitingDays=7", table(reports.waiting(c, ask, 7)));
        all.put("/reports/impact", table(reports.impact(c, ask, ImpactGrouping.AREA, AreaLevel.DETAILED)));
        all.put("/reports/impact?level=TOP", table(reports.impact(c, ask, ImpactGrouping.AREA, AreaLevel.TOP)));
        all.put(
                "/reports/impact?by=PROVIDER",
                table(reports.impact(c, ask, ImpactGrouping.PROVIDER, AreaLevel.DETAILED)));
        return all;
    }

    /** Every report holds exactly the figures worked out by hand. */
    public void assertAllAsExpected() {
        Map<String, ReportTable> all = all();
        assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(ScenarioReports.EXPECTED.keySet());
        ScenarioReports.EXPECTED.forEach(
                (path, expected) -> assertThat(all.get(path)).as(path).isEqualTo(ReportTable.of(expected)));
    }

    private static ReportTable table(Outcome<? extends Report<?>> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ReportTable.of(((Outcome.Done<? extends Report<?>>) outcome).value());
    }
}
