package uk.sse.reporting.scenario;

import java.util.List;
import java.util.Map;
import uk.sse.reporting.reports.BalanceRow;
import uk.sse.reporting.reports.CreditsRow;
import uk.sse.reporting.reports.DaysRow;
import uk.sse.reporting.reports.ImpactRow;
import uk.sse.reporting.reports.ProviderRow;
import uk.sse.reporting.reports.SchoolRow;
import uk.sse.reporting.reports.ServiceLevelRow;
import uk.sse.reporting.reports.WaitingRow;

/** Every report the scenario is checked on, with the expected figures of each and the columns of its rows. */
public final class ScenarioReports {

    private ScenarioReports() {}

    /** Report path (with its options) to the figures it must give. */
    public static final Map<String, ExpectedFigures.Expected> EXPECTED = Map.ofEntries(
            Map.entry("/reports/days", ExpectedFigures.daysDetailed()),
            Map.entry("/reports/days?level=TOP", ExpectedFigures.daysTop()),
            Map.entry("/reports/schools", ExpectedFigures.schools()),
            Map.entry("/reports/providers", ExpectedFigures.providers()),
            Map.entry("/reports/providers?by=TYPE", ExpectedFigures.providersByType()),
            Map.entry("/reports/credits", ExpectedFigures.credits()),
            Map.entry("/reports/balances", ExpectedFigures.balances()),
            Map.entry("/reports/service-levels", ExpectedFigures.serviceLevels()),
            Map.entry("/reports/waiting", ExpectedFigures.waiting14()),
            Map.entry("/reports/waiting?waitingDays=7", ExpectedFigures.waiting7()),
            Map.entry("/reports/impact", ExpectedFigures.impactDetailed()),
            Map.entry("/reports/impact?level=TOP", ExpectedFigures.impactTop()),
            Map.entry("/reports/impact?by=PROVIDER", ExpectedFigures.impactByProvider()));

    public static List<String> columnsOf(String path) {
        String report = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return switch (report) {
            case "/reports/days" -> DaysRow.COLUMNS;
            case "/reports/schools" -> SchoolRow.COLUMNS;
            case "/reports/providers" -> ProviderRow.COLUMNS;
            case "/reports/credits" -> CreditsRow.COLUMNS;
            case "/reports/balances" -> BalanceRow.COLUMNS;
            case "/reports/service-levels" -> ServiceLevelRow.COLUMNS;
            case "/reports/waiting" -> WaitingRow.COLUMNS;
            case "/reports/impact" -> ImpactRow.COLUMNS;
            default -> throw new IllegalArgumentException(path);
        };
    }
}
