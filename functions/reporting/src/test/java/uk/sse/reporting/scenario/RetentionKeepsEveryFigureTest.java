package uk.sse.reporting.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.brokerage.application.RedactExpiredTexts;
import uk.sse.brokerage.model.Erasure;
import uk.sse.engines.Engines;
import uk.sse.reporting.support.ReportFigures;
import uk.sse.reporting.support.ReportingLambdaTest;
import uk.sse.reporting.support.StreamRecords;
import uk.sse.testing.TableStrings;

/**
 * Retention of request texts (decision 0111) against the read model: the scripted term is played and projected; three
 * years on, retention points every closed request and redacts their texts; the brokerage stream's MODIFY records are
 * projected. The read model then holds no text the brokerage table no longer holds (a cancellation's reason and an
 * evaluation's notes among them), and every report gives the same figures, still those worked out by hand.
 */
@MicronautTest(environments = "test", transactional = false)
class RetentionKeepsEveryFigureTest extends ReportingLambdaTest {

    /** Texts of the term's closed requests: R3's cancellation reason and the impact notes of an evaluation. */
    static final String R3_REASON = "leadership change at the school";

    static final List<String> CLOSED_TEXTS = List.of(R3_REASON, "impact seen");

    @Test
    void redactedTextsLeaveTheReadModelAndEveryFigureStands() {
        Scenario scenario = Scenario.playedAfresh();
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.putAll(scenario.sourceTables());
        String brokerageTable = scenario.sourceTables().get("sse.brokerage.table-name");
        try (ApplicationContext functions = ApplicationContext.builder()
                        .environments("test")
                        .properties(properties)
                        .start();
                StreamRecords brokerageStream =
                        StreamRecords.of(Engines.dynamo().endpoint(), brokerageTable)) {
            assertThat(brokerageStream.next())
                    .as("the scenario's records, drained")
                    .isNotEmpty();
            project(scenario.records(), 100);
            ReportFigures figures = new ReportFigures(context);
            figures.assertAllAsExpected();
            Map<String, ?> before = figures.all();
            DynamoDbClient dynamo = functions.getBean(DynamoDbClient.class);
            assertThat(readModelHolds(R3_REASON))
                    .as("before: the read model holds R3's reason")
                    .isTrue();

            Instant threeYearsOn =
                    Instant.now().atZone(ZoneOffset.UTC).plus(Period.ofYears(3)).toInstant();
            RedactExpiredTexts.Swept swept =
                    functions.getBean(RedactExpiredTexts.class).sweep(threeYearsOn, true);
            assertThat(swept.requests()).as("every closed request").isPositive().isEqualTo(swept.pointed());
            assertThat(swept.events()).isPositive();
            List<DynamodbStreamRecord> records = brokerageStream.next();
            assertThat(records).as("the event items' rewrites").anyMatch(r -> "MODIFY".equals(r.getEventName()));
            project(records, 100);

            List<String> table = TableStrings.of(dynamo, brokerageTable);
            assertThat(table).noneMatch(v -> CLOSED_TEXTS.stream().anyMatch(v::contains));
            assertThat(table).anyMatch(v -> v.contains(Erasure.ERASED));
            for (String text : CLOSED_TEXTS) {
                assertThat(readModelHolds(text))
                        .as("after: the read model holds " + text)
                        .isFalse();
            }
            assertThat(readModelHolds(Erasure.ERASED)).isTrue();
            assertThat(figures.all()).as("every report").isEqualTo(before);
            figures.assertAllAsExpected();
        }
    }

    /** Whether any text or JSON column of the read model holds {@code text}. */
    boolean readModelHolds(String text) {
        return !ErasureLeavesNoTraceTest.readModelMentions(
                        context, getProperties().get("sse.reporting.schema"), null, List.of(text))
                .isEmpty();
    }
}
