package uk.sse.reporting.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.sse.reporting.support.ReadModelRows;
import uk.sse.reporting.support.ReportFigures;
import uk.sse.reporting.support.ReportingLambdaTest;

/** Deliveries the event source mappings make in practice: everything again (a retried or replayed stream), and shuffled. */
@MicronautTest(environments = "test", transactional = false)
class ReplayTest extends ReportingLambdaTest {

    @BeforeEach
    void emptyReadModel() {
        context.getBean(ReadModelRows.class).empty();
    }

    @Test
    void replayingEveryRecordTwiceMoreChangesNoFigure() {
        List<DynamodbStreamRecord> records = Scenario.played().records();
        ReportFigures figures = new ReportFigures(context);
        project(records, 100);
        figures.assertAllAsExpected();
        var once = figures.all();
        project(records, 37);
        project(records, 1000);
        assertThat(figures.all()).isEqualTo(once);
        figures.assertAllAsExpected();
        assertThat(logged())
                .as("each event was logged once however often it came")
                .isEqualTo(Scenario.played().brokerageRecords().stream()
                        .filter(r -> "INSERT".equals(r.getEventName()))
                        .count());
    }

    @Test
    void theBrokerageStreamBackToFrontAfterTheOthersShuffledGivesTheSameFigures() {
        List<DynamodbStreamRecord> brokerage = new ArrayList<>(Scenario.played().brokerageRecords());
        Collections.reverse(brokerage);
        List<DynamodbStreamRecord> others = new ArrayList<>(Scenario.played().ledgerRecords());
        others.addAll(Scenario.played().directoryRecords());
        Collections.shuffle(others, new Random(7));
        List<DynamodbStreamRecord> all = new ArrayList<>(brokerage);
        all.addAll(others);
        project(all, 25);
        new ReportFigures(context).assertAllAsExpected();
    }

    private long logged() {
        return context.getBean(ReadModelRows.class).count("brokerage_event");
    }
}
