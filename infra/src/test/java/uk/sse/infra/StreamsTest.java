package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Stream consumers: partial batch failures, bisect on error, bounded retries and a dead-letter queue on every mapping. */
class StreamsTest {

    @Test
    @SuppressWarnings("unchecked")
    void
            every_mapping_reports_partial_failures_bisects_retries_a_bounded_number_of_times_and_has_a_dead_letter_queue() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Map<String, Object>> mappings = s.ofType("AWS::Lambda::EventSourceMapping");
            assertThat(mappings).hasSize(9);
            Set<String> queues = s.ofType("AWS::SQS::Queue").keySet();
            mappings.forEach((id, mapping) -> {
                assertThat(mapping.get("FunctionResponseTypes")).as(id).isEqualTo(List.of("ReportBatchItemFailures"));
                assertThat(mapping.get("BisectBatchOnFunctionError")).as(id).isEqualTo(true);
                assertThat((Integer) mapping.get("MaximumRetryAttempts"))
                        .as(id)
                        .isBetween(1, 10)
                        .isEqualTo(s.stage.streamRetries());
                assertThat((Integer) mapping.get("MaximumRecordAgeInSeconds"))
                        .as(id)
                        .isBetween(60, 86_400);
                assertThat(mapping.get("ParallelizationFactor")).as(id).isEqualTo(1);
                assertThat(mapping.get("StartingPosition")).as(id).isEqualTo("TRIM_HORIZON");
                String destination = ((Map<String, Object>)
                                ((Map<String, Object>) mapping.get("DestinationConfig")).get("OnFailure"))
                        .get("Destination")
                        .toString();
                assertThat(queues)
                        .as(id)
                        .anySatisfy(queue -> assertThat(destination).contains(queue));
            });
        }
    }

    @Test
    void each_consumer_reads_the_streams_the_design_names_through_its_alias() {
        Synthesised s = Synthesised.dev();
        Map<String, Set<String>> expected = Map.of(
                "indexer", Set.of("directory"),
                "directory-signals", Set.of("brokerage"),
                "notifier-stream", Set.of("brokerage", "directory", "ledger", "notifier"),
                "reporting-projection", Set.of("brokerage", "ledger", "directory"));
        expected.forEach((consumer, tables) -> {
            String alias = s.aliasId(consumer);
            Set<String> sources = s.ofType("AWS::Lambda::EventSourceMapping").values().stream()
                    .filter(m -> m.get("FunctionName").toString().contains(alias)
                            && m.get("FunctionName").toString().contains(":live"))
                    .map(m -> AccessTest.TABLES.stream()
                            .filter(t -> m.get("EventSourceArn").toString().contains(s.tableId(t)))
                            .findFirst()
                            .orElseThrow())
                    .collect(Collectors.toSet());
            assertThat(sources).as(consumer).isEqualTo(tables);
        });
    }

    /** Consumers of events only are invoked for event inserts only; those that read state see every record. */
    @Test
    void the_event_consumers_are_fed_only_event_inserts_and_the_state_readers_everything() {
        Synthesised s = Synthesised.dev();
        Map<String, Boolean> filtered = Map.of(
                "indexer", false, "directory-signals", true, "notifier-stream", true, "reporting-projection", false);
        filtered.forEach((consumer, events) -> {
            String alias = s.aliasId(consumer);
            s.ofType("AWS::Lambda::EventSourceMapping").values().stream()
                    .filter(m -> m.get("FunctionName").toString().contains(alias))
                    .forEach(m -> {
                        Object criteria = m.get("FilterCriteria");
                        if (events) {
                            assertThat(String.valueOf(criteria))
                                    .as(consumer)
                                    .contains("\"eventName\":[\"INSERT\"]")
                                    .contains("\"entity\":{\"S\":[\"EVENT\"]}");
                        } else {
                            assertThat(criteria).as(consumer).isNull();
                        }
                    });
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void dead_letter_queues_are_encrypted_keep_messages_two_weeks_and_refuse_plain_http() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Map<String, Object>> queues = s.ofType("AWS::SQS::Queue");
            // the four stream consumers' and the register import's (RegisterImportsTest)
            assertThat(queues).hasSize(5);
            queues.values().forEach(queue -> {
                assertThat(queue.get("SqsManagedSseEnabled")).isEqualTo(true);
                assertThat(queue.get("MessageRetentionPeriod")).isEqualTo(14 * 24 * 3600);
            });
            assertThat(s.ofType("AWS::SQS::QueuePolicy").values())
                    .hasSize(5)
                    .allSatisfy(policy -> assertThat(policy.toString())
                            .contains("aws:SecureTransport")
                            .contains("Deny"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_sweepers_and_the_reconciliation_run_on_their_aliases_with_a_scheduled_event() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, String> sweepers = Map.of(
                    "hold-expiry",
                    "ledger-sweeper",
                    "webhook-retries",
                    "notifier-sweeper",
                    "engagement-reconciliation",
                    "brokerage-reconciliation",
                    "reminders",
                    "notifier-reminders",
                    "entitlements",
                    "ledger-entitlements",
                    "text-retention",
                    "brokerage-retention");
            Map<String, String> every = Map.of(
                    "hold-expiry",
                    "rate(1 minute)",
                    "webhook-retries",
                    "rate(1 minute)",
                    "engagement-reconciliation",
                    "rate(5 minutes)",
                    "reminders",
                    "rate(1 hour)",
                    "entitlements",
                    "rate(1 day)",
                    "text-retention",
                    "rate(1 day)");
            Map<String, Map<String, Object>> schedules = s.ofType("AWS::Scheduler::Schedule");
            // the two sweepers, the reminders, the reconciliation, the entitlements, the register's daily fetch
            // (RegisterImportsTest)
            // and the ledger check (LedgerCheckTest), and the retention of request texts
            assertThat(schedules).hasSize(8);
            sweepers.forEach((schedule, sweeper) -> {
                Map<String, Object> props = schedules.values().stream()
                        .filter(p -> s.name(schedule).equals(p.get("Name")))
                        .findFirst()
                        .orElseThrow();
                assertThat(props.get("ScheduleExpression")).isEqualTo(every.get(schedule));
                assertThat(props.get("State")).isEqualTo("ENABLED");
                Map<String, Object> target = (Map<String, Object>) props.get("Target");
                assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", s.aliasId(sweeper)));
                // SweepDueHolds takes a ScheduledEvent: the input has its shape and the scheduled time
                assertThat(target.get("Input").toString())
                        .contains("\"detail-type\":\"Scheduled Event\"")
                        .contains("<aws.scheduler.scheduled-time>");
                // the scheduler's role may invoke that alias and nothing else
                String role = target.get("RoleArn").toString().replaceAll(".*\\[(\\w+),.*", "$1");
                List<Map<String, Object>> statements = s.ofType("AWS::IAM::Policy").values().stream()
                        .filter(p -> p.get("Roles").toString().contains(role))
                        .flatMap(p -> ((List<Map<String, Object>>)
                                        ((Map<String, Object>) p.get("PolicyDocument")).get("Statement"))
                                .stream())
                        .toList();
                assertThat(statements).isNotEmpty().allSatisfy(st -> {
                    assertThat(Synthesised.list(st.get("Action"))).containsExactly("lambda:InvokeFunction");
                    assertThat(st.get("Resource").toString())
                            .contains(s.aliasId(sweeper))
                            .doesNotContain("\"*\"");
                });
            });
        }
    }
}
