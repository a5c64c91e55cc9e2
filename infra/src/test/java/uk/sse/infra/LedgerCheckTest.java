package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ledger's invariant check runs every hour over every area, reading the ledger's table and writing nothing; it
 * pages someone when two checks in a row find violations and when it has not reported for three hours; and the
 * operations dashboard shows it beside the business metrics.
 */
class LedgerCheckTest {

    static final String CHECK = "ledger-check";

    @Test
    @SuppressWarnings("unchecked")
    void the_check_runs_hourly_through_its_alias_as_a_scheduled_event() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> schedule = s.ofType("AWS::Scheduler::Schedule").values().stream()
                    .filter(v -> v.get("Name").equals(s.name(CHECK)))
                    .findFirst()
                    .orElseThrow();
            assertThat(schedule)
                    .containsEntry("ScheduleExpression", "rate(1 hour)")
                    .containsEntry("State", "ENABLED");
            Map<String, Object> target = (Map<String, Object>) schedule.get("Target");
            assertThat(Synthesised.mentions(target.get("Arn"), s.aliasId(CHECK)))
                    .isTrue();
            assertThat(target.get("Input").toString()).contains("Scheduled Event");
            assertThat(s.function(CHECK)).containsEntry("Timeout", 600);
        }
    }

    @Test
    void the_check_reads_the_ledger_and_writes_nothing() {
        for (Synthesised s : Synthesised.both()) {
            List<String> actions = s.statementsOf(CHECK).stream()
                    .filter(st -> Synthesised.mentions(st.get("Resource"), s.tableId("ledger")))
                    .flatMap(st -> Synthesised.list(st.get("Action")).stream())
                    .toList();
            assertThat(actions)
                    .contains("dynamodb:Scan", "dynamodb:Query", "dynamodb:GetItem")
                    .noneMatch(AccessTest.TABLE_WRITES::contains);
        }
    }

    @Test
    void violations_found_twice_in_a_row_and_a_check_gone_silent_each_page_someone() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> violations = alarm(s, "ledger-invariant-violations");
            assertThat(violations)
                    .containsEntry("Namespace", "SSE")
                    .containsEntry("MetricName", "LedgerInvariantViolations")
                    .containsEntry("Statistic", "Maximum")
                    .containsEntry("Period", 3600)
                    .containsEntry("Threshold", 1)
                    .containsEntry("EvaluationPeriods", 2)
                    .containsEntry("DatapointsToAlarm", 2)
                    .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                    .doesNotContainKey("Dimensions");
            Map<String, Object> silent = alarm(s, "ledger-check-not-run");
            assertThat(silent)
                    .containsEntry("MetricName", "LedgerInvariantViolations")
                    .containsEntry("Statistic", "SampleCount")
                    .containsEntry("EvaluationPeriods", 3)
                    .containsEntry("ComparisonOperator", "LessThanThreshold")
                    .containsEntry("TreatMissingData", "breaching");
        }
    }

    @Test
    void a_credit_schemes_job_that_has_not_completed_for_three_days_pages_someone_before_a_term_can_be_missed() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> missed = alarm(s, "ledger-entitlements-not-run");
            assertThat(missed)
                    .containsEntry("Namespace", "SSE")
                    .containsEntry("MetricName", "EntitlementRunsCompleted")
                    .containsEntry("Statistic", "Sum")
                    .containsEntry("Period", 86400)
                    .containsEntry("Threshold", 1)
                    .containsEntry("EvaluationPeriods", 3)
                    .containsEntry("DatapointsToAlarm", 3)
                    .containsEntry("ComparisonOperator", "LessThanThreshold")
                    .containsEntry("TreatMissingData", "breaching")
                    .doesNotContainKey("Dimensions");
            assertThat(missed.get("AlarmDescription").toString()).contains("operations.md");
        }
    }

    @Test
    void the_operations_dashboard_shows_each_business_metric_and_the_check() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> dashboard =
                    s.ofType("AWS::CloudWatch::Dashboard").values().iterator().next();
            assertThat(dashboard).containsEntry("DashboardName", s.name("operations"));
            String body = dashboard.get("DashboardBody").toString();
            assertThat(body)
                    .contains(
                            "RequestsRaised",
                            "HoldsPlaced",
                            "TimeToBroker",
                            "RaisedWithoutMatch",
                            "WebhookFailures",
                            "WebhooksDisabled",
                            "LedgerInvariantViolations",
                            "ImportsFailed");
            assertThat(body).as("per area: a search over the Area dimension").contains("SEARCH('{SSE,Area}");
        }
    }

    private static Map<String, Object> alarm(Synthesised s, String name) {
        return s.ofType("AWS::CloudWatch::Alarm").values().stream()
                .filter(a -> s.name(name).equals(a.get("AlarmName")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no alarm " + s.name(name)));
    }
}
