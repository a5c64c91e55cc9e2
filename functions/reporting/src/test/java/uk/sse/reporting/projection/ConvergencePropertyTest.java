package uk.sse.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import uk.sse.reporting.scenario.Scenario;
import uk.sse.reporting.support.ReadModelProperties;
import uk.sse.reporting.support.ReadModelRows;
import uk.sse.reporting.support.ReportFigures;
import uk.sse.reporting.support.StreamRecords;

/**
 * However the event source mappings deliver the scenario's records (each one to three times, in any order across and
 * within the three streams, in batches of any size), the read model ends with exactly the hand-worked figures in every
 * report. Each try starts from an empty read model.
 */
class ConvergencePropertyTest {

    static List<DynamodbStreamRecord> records;
    static ProjectEvents handler;
    static ReportFigures figures;

    @BeforeContainer
    static void start() {
        records = Scenario.played().records();
        Map<String, String> properties = ReadModelProperties.fresh();
        handler = new ProjectEvents(
                ApplicationContext.builder().environments("test").properties(new HashMap<>(properties)));
        figures = new ReportFigures(handler.getApplicationContext());
    }

    @AfterContainer
    static void stop() {
        handler.close();
    }

    @Provide
    Arbitrary<List<Integer>> deliveries() {
        return Arbitraries.integers()
                .between(1, 3)
                .list()
                .ofSize(records.size())
                .flatMap(copies -> {
                    List<Integer> delivered = new ArrayList<>();
                    for (int i = 0; i < copies.size(); i++) {
                        for (int c = 0; c < copies.get(i); c++) {
                            delivered.add(i);
                        }
                    }
                    return Arbitraries.shuffle(delivered);
                });
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void anyDeliveryOfTheRecordsGivesTheSameFigures(
            @ForAll("deliveries") List<Integer> order, @ForAll @IntRange(min = 1, max = 150) int batchSize) {
        empty();
        List<DynamodbStreamRecord> delivered = order.stream().map(records::get).toList();
        for (int from = 0; from < delivered.size(); from += batchSize) {
            StreamsEventResponse response = handler.handleRequest(
                    StreamRecords.event(delivered.subList(from, Math.min(delivered.size(), from + batchSize))), null);
            assertThat(response.getBatchItemFailures()).isEmpty();
        }
        figures.assertAllAsExpected();
    }

    static void empty() {
        handler.getApplicationContext().getBean(ReadModelRows.class).empty();
    }
}
