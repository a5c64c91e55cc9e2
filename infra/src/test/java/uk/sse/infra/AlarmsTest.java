package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What pages someone: function errors and throttles, dead letters, stream lag, API 5xx and latency, all to one topic. */
class AlarmsTest {

    @Test
    void every_handler_alarms_on_errors_and_throttles() {
        for (Synthesised s : Synthesised.both()) {
            for (String handler : FunctionsTest.HANDLERS.keySet()) {
                String fn = s.functionId(handler);
                assertThat(alarmsOn(s, "AWS/Lambda", "Errors")).as(handler).anySatisfy(a -> {
                    assertThat(a.get("Dimensions").toString()).contains(fn);
                    assertThat(a.get("Threshold")).isEqualTo(s.stage.alarms().functionErrors());
                });
                assertThat(alarmsOn(s, "AWS/Lambda", "Throttles"))
                        .as(handler)
                        .anySatisfy(
                                a -> assertThat(a.get("Dimensions").toString()).contains(fn));
            }
        }
    }

    @Test
    void every_dead_letter_queue_alarms_on_its_first_message_and_every_consumer_on_iterator_age() {
        for (Synthesised s : Synthesised.both()) {
            for (String queue : s.ofType("AWS::SQS::Queue").keySet()) {
                assertThat(alarmsOn(s, "AWS/SQS", "ApproximateNumberOfMessagesVisible"))
                        .as(queue)
                        .anySatisfy(a -> {
                            assertThat(a.get("Dimensions").toString()).contains(queue);
                            assertThat(a.get("Threshold")).isEqualTo(1);
                        });
            }
            for (String consumer : List.of("indexer", "directory-signals", "notifier-stream", "reporting-projection")) {
                assertThat(alarmsOn(s, "AWS/Lambda", "IteratorAge"))
                        .as(consumer)
                        .anySatisfy(a -> {
                            assertThat(a.get("Dimensions").toString()).contains(s.functionId(consumer));
                            assertThat(((Number) a.get("Threshold")).longValue())
                                    .isEqualTo(s.stage
                                            .alarms()
                                            .iteratorAge()
                                            .toMilliseconds()
                                            .longValue());
                            assertThat(a.get("Statistic")).isEqualTo("Maximum");
                        });
            }
        }
    }

    @Test
    void the_api_alarms_on_5xx_and_p99_latency() {
        for (Synthesised s : Synthesised.both()) {
            assertThat(alarmsOn(s, "AWS/ApiGateway", "5xx")).hasSize(1);
            assertThat(alarmsOn(s, "AWS/ApiGateway", "Latency"))
                    .singleElement()
                    .satisfies(a -> assertThat(a.get("ExtendedStatistic")).isEqualTo("p99"));
        }
    }

    @Test
    void every_alarm_notifies_the_one_topic_when_it_fires_and_when_it_clears() {
        for (Synthesised s : Synthesised.both()) {
            String topic = s.ofType("AWS::SNS::Topic").keySet().iterator().next();
            Map<String, Map<String, Object>> alarms = s.ofType("AWS::CloudWatch::Alarm");
            assertThat(alarms).isNotEmpty();
            alarms.forEach((id, alarm) -> {
                assertThat(alarm.get("AlarmActions")).as(id).isEqualTo(List.of(Map.of("Ref", topic)));
                assertThat(alarm.get("OKActions")).as(id).isEqualTo(List.of(Map.of("Ref", topic)));
                // missing data is fine, except from the ledger check and the entitlements job, whose silence is the
                // alarm
                assertThat(alarm.get("TreatMissingData"))
                        .as(id)
                        .isEqualTo(
                                List.of(s.name("ledger-check-not-run"), s.name("ledger-entitlements-not-run"))
                                                .contains(alarm.get("AlarmName"))
                                        ? "breaching"
                                        : "notBreaching");
                assertThat(alarm.get("AlarmName").toString()).as(id).startsWith("sse-" + s.stage.name() + "-");
            });
            assertThat(alarms.values())
                    .extracting(a -> a.get("AlarmName"))
                    .contains(
                            s.name("ledger-api-errors"),
                            s.name("indexer-iterator-age"),
                            s.name("indexer-dead-letters"),
                            s.name("api-5xx"))
                    .doesNotHaveDuplicates();
            assertThat(s.ofType("AWS::SNS::Subscription").values())
                    .singleElement()
                    .satisfies(sub -> assertThat(sub.get("Endpoint")).isEqualTo("oncall@example.org"));
        }
    }

    private static List<Map<String, Object>> alarmsOn(Synthesised s, String namespace, String metric) {
        return s.ofType("AWS::CloudWatch::Alarm").values().stream()
                .filter(a -> namespace.equals(a.get("Namespace")) && metric.equals(a.get("MetricName")))
                .collect(Collectors.toList());
    }
}
