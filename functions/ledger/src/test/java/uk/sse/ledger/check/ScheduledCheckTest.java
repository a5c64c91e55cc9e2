package uk.sse.ledger.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.ledger.application.CheckEveryArea;
import uk.sse.ledger.web.LedgerLambdaTest;
import uk.sse.ledger.web.Ledgers;
import uk.sse.testing.StdoutCapture;

/**
 * The scheduled invariant check through its Lambda handler, in a context of its own on this test's table: it finds
 * every area by its issuing account, checks each, and tells CloudWatch each area's count of violations (zero included)
 * per area and overall. A balance changed behind the ledger's back is found, in that area only.
 */
@MicronautTest(environments = "test")
class ScheduledCheckTest extends LedgerLambdaTest {

    @Inject
    Ledgers ledgers;

    @Inject
    ApplicationContext context;

    @Inject
    JsonMapper json;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void everyAreaIsCheckedAndABrokenOneIsCountedAndNamed() throws IOException {
        ledgers.open("901", "100001", "100002");
        ledgers.open("902", "200001");
        ledgers.allocate("a-901", "901/100001", 50);
        ledgers.allocate("a-902", "902/200001", 20);

        Map<String, Object> fine = run();
        assertThat(fine).containsEntry("checked", List.of("901", "902")).containsEntry("failing", List.of());

        String table = context.getRequiredProperty("sse.ledger.table-name", String.class);
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("ACCOUNT#902/200001"), "sk", AttributeValue.fromS("ACCOUNT")))
                .updateExpression("SET creditsPosted = :minted")
                .expressionAttributeValues(Map.of(":minted", AttributeValue.fromN("25"))));
        Map<String, Object> broken = run();
        assertThat(broken).containsEntry("checked", List.of("901", "902")).containsEntry("failing", List.of("902"));
    }

    /** One run of the handler; asserts the metric line of each area it checked, and answers what it returned. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> run() throws IOException {
        Map<String, Object> properties = new HashMap<>();
        for (String key : getProperties().keySet()) {
            properties.put(key, context.getRequiredProperty(key, String.class));
        }
        Map<String, Object> result;
        List<Map<String, Object>> metricLines;
        try (StdoutCapture out = StdoutCapture.start();
                CheckLedgerOnSchedule handler = new CheckLedgerOnSchedule(
                        ApplicationContext.builder().environments("test").properties(properties))) {
            result = handler.handleRequest(new ScheduledEvent(), null);
            metricLines = out.metrics(json);
        }
        List<String> failing = (List<String>) result.get("failing");
        for (String area : (List<String>) result.get("checked")) {
            Map<String, Object> line = metricLines.stream()
                    .filter(l -> area.equals(l.get("Area")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no metric line for area " + area + " in " + metricLines));
            Map<String, Object> definition = StdoutCapture.definition(line);
            assertThat(definition)
                    .containsEntry("Namespace", "SSE")
                    .containsEntry("Dimensions", List.of(List.of("Area"), List.of()));
            assertThat(((Number) line.get(CheckEveryArea.VIOLATIONS)).doubleValue())
                    .as(area)
                    .matches(v -> failing.contains(area) ? v >= 1 : v == 0);
        }
        return result;
    }
}
