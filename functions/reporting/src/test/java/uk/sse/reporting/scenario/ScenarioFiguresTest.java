package uk.sse.reporting.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.reporting.support.ReportTable;
import uk.sse.reporting.support.ReportingLambdaTest;
import uk.sse.testing.Api;

/**
 * The scripted scenario's stream records, through the stream handler in batches as the event source mappings deliver
 * them, give exactly the figures worked out by hand, in every report, through the API's Lambda handler.
 */
@MicronautTest(environments = "test", transactional = false)
class ScenarioFiguresTest extends ReportingLambdaTest {

    @BeforeAll
    void projectTheScenario() {
        project(Scenario.played().records(), 50);
    }

    ReportTable report(String path) {
        Api.Reply reply = get(Scenario.uri(path), commissioner(Scenario.AREA));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.map())
                .containsEntry("area", Scenario.AREA)
                .containsEntry("from", Scenario.FROM.toString())
                .containsEntry("to", Scenario.TO.toString());
        return ReportTable.ofJson(reply.map(), ScenarioReports.columnsOf(path));
    }

    @Test
    void daysByDetailedAreaAndMonth() {
        assertThat(report("/reports/days")).isEqualTo(ReportTable.of(ExpectedFigures.daysDetailed()));
    }

    @Test
    void daysByTopLevelArea() {
        assertThat(report("/reports/days?level=TOP")).isEqualTo(ReportTable.of(ExpectedFigures.daysTop()));
    }

    @Test
    void schoolsSupported() {
        assertThat(report("/reports/schools")).isEqualTo(ReportTable.of(ExpectedFigures.schools()));
    }

    @Test
    void providers() {
        assertThat(report("/reports/providers")).isEqualTo(ReportTable.of(ExpectedFigures.providers()));
    }

    @Test
    void providersByType() {
        assertThat(report("/reports/providers?by=TYPE")).isEqualTo(ReportTable.of(ExpectedFigures.providersByType()));
    }

    @Test
    void creditsByMonth() {
        assertThat(report("/reports/credits")).isEqualTo(ReportTable.of(ExpectedFigures.credits()));
    }

    @Test
    void balancesAtTheEndOfThePeriod() {
        assertThat(report("/reports/balances")).isEqualTo(ReportTable.of(ExpectedFigures.balances()));
    }

    @Test
    void serviceLevels() {
        assertThat(report("/reports/service-levels")).isEqualTo(ReportTable.of(ExpectedFigures.serviceLevels()));
    }

    @Test
    void requestsWaitingLongerThanTheThreshold() {
        assertThat(report("/reports/waiting")).isEqualTo(ReportTable.of(ExpectedFigures.waiting14()));
        assertThat(report("/reports/waiting?waitingDays=7")).isEqualTo(ReportTable.of(ExpectedFigures.waiting7()));
    }

    @Test
    void impactByArea() {
        assertThat(report("/reports/impact")).isEqualTo(ReportTable.of(ExpectedFigures.impactDetailed()));
        assertThat(report("/reports/impact?level=TOP")).isEqualTo(ReportTable.of(ExpectedFigures.impactTop()));
    }

    @Test
    void impactByProvider() {
        assertThat(report("/reports/impact?by=PROVIDER")).isEqualTo(ReportTable.of(ExpectedFigures.impactByProvider()));
    }
}
