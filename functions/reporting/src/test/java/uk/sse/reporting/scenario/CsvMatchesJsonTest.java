package uk.sse.reporting.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.reporting.support.ReportTable;
import uk.sse.reporting.support.ReportingLambdaTest;
import uk.sse.testing.Api;

/** Every report's CSV, parsed back, is its JSON figure for figure, and both are the hand-worked figures. */
@MicronautTest(environments = "test", transactional = false)
class CsvMatchesJsonTest extends ReportingLambdaTest {

    @BeforeAll
    void projectTheScenario() {
        project(Scenario.played().records(), 200);
    }

    static String uri(String path) {
        return Scenario.uri(path);
    }

    @Test
    void everyReportsCsvParsesBackToItsJson() {
        for (Map.Entry<String, ExpectedFigures.Expected> report : ScenarioReports.EXPECTED.entrySet()) {
            String path = report.getKey();
            Api.Reply json = get(uri(path), commissioner(Scenario.AREA));
            Api.Reply csv = csv(uri(path), commissioner(Scenario.AREA));
            assertThat(json.status()).as(path).isEqualTo(200);
            assertThat(csv.status()).as(path).isEqualTo(200);
            assertThat(csv.contentType()).as(path).startsWith("text/csv");
            assertThat(csv.header("Content-Disposition"))
                    .as(path)
                    .startsWith("attachment; filename=\"")
                    .endsWith("-888-2026-09-01-2026-11-30.csv\"");
            assertThat(csv.header("Vary")).as(path).isEqualTo("Accept");
            ReportTable fromCsv = ReportTable.ofCsv(csv.body());
            assertThat(fromCsv.columns()).as(path).isEqualTo(ScenarioReports.columnsOf(path));
            assertThat(fromCsv)
                    .as(path)
                    .isEqualTo(ReportTable.ofJson(json.map(), ScenarioReports.columnsOf(path)))
                    .isEqualTo(ReportTable.of(report.getValue()));
            assertThat(csv.body())
                    .as("RFC 4180 ends lines with CRLF")
                    .contains("\r\n")
                    .doesNotContain("\n\n");
        }
    }

    @Test
    void daysAreWrittenWithTwoDecimalPlacesInBoth() {
        String csv = csv(uri("/reports/days"), commissioner(Scenario.AREA)).body();
        assertThat(csv.split("\r\n")[0]).isEqualTo(String.join(",", uk.sse.reporting.reports.DaysRow.COLUMNS));
        assertThat(csv)
                .contains("2026-09,CT.READ,Early reading and phonics,CT,Curriculum and teaching,2,5.00,0.00,0.00\r\n")
                .endsWith("TOTAL,,,,,7,27.00,15.00,3.00\r\n");
        assertThat(get(uri("/reports/days"), commissioner(Scenario.AREA)).body())
                .contains("\"daysCommissioned\":27.00");
    }

    @Test
    void theClientsPreferenceDecides() {
        String days = uri("/reports/days");
        assertThat(accept(days, "text/csv;q=0.5, application/json").contentType())
                .startsWith("application/json");
        assertThat(accept(days, "application/json;q=0.2, text/csv").contentType())
                .startsWith("text/csv");
        assertThat(accept(days, "*/*").contentType()).startsWith("application/json");
        Api.Reply xml = accept(days, "application/xml");
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRefusalIsProblemJsonEvenWhenCsvWasAskedFor() {
        Api.Reply reply = csv("/reports/days?from=2026-09-01&to=2026-08-01", commissioner(Scenario.AREA));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemFields()).containsExactly("to");
    }

    private Api.Reply accept(String uri, String accept) {
        return api.send(Api.auth(io.micronaut.http.HttpRequest.GET(uri), commissioner(Scenario.AREA))
                .header("Accept", accept));
    }
}
