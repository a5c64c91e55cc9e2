package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.SCHOOL;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.kernel.correlation.Correlation;
import uk.sse.testing.Api;
import uk.sse.testing.LogCapture;

/**
 * One action of a person, followed by the operator across functions: the school agrees a proposal through the
 * brokerage's Lambda handler, which places the hold through the ledger's (another Lambda instance, over HTTP; here both
 * contexts read the brokerage's application name from the test classpath, so the ledger's line is told by its route). The
 * correlation id the browser sent is in both functions' log lines, comes back in the answer, and is in the event the
 * agreement wrote. Nothing in either function's lines is the caller's token or the request's text.
 */
@MicronautTest(environments = "test")
class CorrelationAcrossFunctionsTest extends BrokerageLambdaTest {

    @Inject
    JsonMapper json;

    @Inject
    DynamoDbClient dynamo;

    String offer;

    @BeforeAll
    void directoryAndCredits() {
        seeds.registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 100);
        offer = seeds.approvedOffer(
                HUB, "Maths mastery: number sense and fluency in key stage 1", List.of("CT.MATHS"), 30);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSchoolsAgreementCarriesOneCorrelationIdThroughTheBrokerageAndTheLedgerIntoTheEvent() {
        String id = raised(SCHOOL, List.of("CT.MATHS"), 40);
        Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", offer, "days", 4, "credits", 30)))),
                200);
        Seeds.ok(
                step(seeds.token(uk.sse.kernel.identity.Role.PROVIDER, Seeds.AREA, HUB), id, "proposals/P1/accept", 2),
                200);

        String school = seeds.school(SCHOOL);
        String correlation = "visit-" + System.nanoTime();
        Api.Reply agreed;
        try (LogCapture logs = LogCapture.start()) {
            agreed = api.send(Api.auth(
                    HttpRequest.POST("/requests/" + id + "/proposals/P1/agree", Map.of("version", 3))
                            .header(Correlation.HEADER, correlation),
                    school));
            assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
            assertThat(agreed.header(Correlation.HEADER)).isEqualTo(correlation);

            List<Map<String, Object>> lines = logs.records(json).stream()
                    .filter(l -> correlation.equals(
                            ((Map<String, Object>) l.getOrDefault("mdc", Map.of())).get("correlationId")))
                    .toList();
            Map<String, Object> brokerage =
                    access(lines, "POST /requests/{id}/proposals/{proposalId}/agree answered 200");
            Map<String, Object> ledger = access(lines, "POST /transfers answered 201");
            assertThat(mdc(brokerage))
                    .containsEntry("caller", "provider-888-" + SCHOOL)
                    .containsEntry("area", "888");
            assertThat(mdc(ledger))
                    .as("the ledger, called by the brokerage")
                    .containsKey("caller")
                    .containsKey("requestId");
            String jwt = school.substring("Bearer ".length());
            assertThat(logs.lines()).noneMatch(l -> l.contains(jwt) || l.contains("number sense"));
        }
        Map<String, AttributeValue> event = dynamo.getItem(b -> b.tableName(world.table("brokerage"))
                        .consistentRead(true)
                        .key(Map.of(
                                "pk",
                                AttributeValue.fromS("REQUEST#" + id),
                                "sk",
                                AttributeValue.fromS("EVENT#0000000004"))))
                .item();
        assertThat(event.get("envelope").s())
                .contains("\"type\":\"brokerage.engagement.agreed\"")
                .contains("\"correlationId\":\"" + correlation + "\"");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> access(List<Map<String, Object>> lines, String route) {
        List<Map<String, Object>> access = lines.stream()
                .filter(l -> "uk.sse.access".equals(l.get("loggerName"))
                        && l.get("formattedMessage") instanceof String m
                        && m.startsWith(route))
                .toList();
        assertThat(access).as("'%s' among %s", route, lines).hasSize(1);
        return access.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mdc(Map<String, Object> line) {
        return (Map<String, Object>) line.getOrDefault("mdc", Map.of());
    }
}
