package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.SCHOOL;
import static uk.sse.brokerage.web.Seeds.SECOND_SCHOOL;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.application.BrokerageMetrics;
import uk.sse.kernel.correlation.Correlation;
import uk.sse.testing.Api;
import uk.sse.testing.StdoutCapture;

/**
 * The brokerage's business metrics as CloudWatch would read them: the embedded-metric-format lines its Lambda handler
 * prints on standard output while serving each step, each naming its metrics in namespace SSE with the dimension sets
 * [Area] and [] (per area and overall), the request's correlation id, and nothing personal. A refused agreement places
 * no hold and counts none.
 */
@MicronautTest(environments = "test")
class BrokerageMetricsTest extends BrokerageLambdaTest {

    @Inject
    JsonMapper json;

    String offer;

    @BeforeAll
    void directoryAndCredits() throws Exception {
        world.indexing().signals();
        seeds.registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 100);
        seeds.allocate(SECOND_SCHOOL, 10);
        offer = seeds.approvedOffer(
                HUB, "Maths mastery: number sense and fluency in key stage 1", List.of("CT.MATHS"), 30);
        seeds.awaitSearchable(offer);
    }

    @Test
    void raisingProposingAndAgreeingEachTellCloudWatchWhatHappenedInTheArea() {
        String correlation = "visit-" + UUID.randomUUID();
        AtomicReference<Api.Reply> reply = new AtomicReference<>();
        List<Map<String, Object>> raised = metricsOf(() -> reply.set(Seeds.ok(
                api.send(Api.auth(
                        HttpRequest.POST("/requests", need(SCHOOL, List.of("CT.MATHS"), 40))
                                .header(Correlation.HEADER, correlation)
                                .header("Idempotency-Key", UUID.randomUUID().toString()),
                        seeds.adviser())),
                201)));
        assertThat(line(raised, BrokerageMetrics.RAISED))
                .containsEntry(BrokerageMetrics.RAISED, 1.0)
                .containsEntry("correlationId", correlation);
        assertThat(line(raised, BrokerageMetrics.WITHOUT_MATCH))
                .as("search suggested the maths offer")
                .containsEntry(BrokerageMetrics.WITHOUT_MATCH, 0.0);
        assertThat(raised.toString()).doesNotContain("number sense").doesNotContain("Lea Community");
        String id = (String) reply.get().map().get("id");

        List<Map<String, Object>> proposed = metricsOf(() -> Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", offer, "days", 4, "credits", 30)))),
                200));
        Map<String, Object> toBroker = line(proposed, BrokerageMetrics.TIME_TO_BROKER);
        assertThat(((Number) toBroker.get(BrokerageMetrics.TIME_TO_BROKER)).doubleValue())
                .isBetween(0.0, 600.0);
        assertThat(definition(toBroker).get("Metrics"))
                .isEqualTo(List.of(Map.of("Name", BrokerageMetrics.TIME_TO_BROKER, "Unit", "Seconds")));

        Seeds.ok(step(seeds.token(uk.sse.kernel.identity.Role.PROVIDER, AREA, HUB), id, "proposals/P1/accept", 2), 200);
        List<Map<String, Object>> agreed =
                metricsOf(() -> Seeds.ok(step(seeds.school(SCHOOL), id, "proposals/P1/agree", 3), 200));
        assertThat(line(agreed, BrokerageMetrics.HOLDS_PLACED))
                .containsEntry(BrokerageMetrics.HOLDS_PLACED, 1.0)
                .containsEntry(BrokerageMetrics.CREDITS_HELD, 30.0);
    }

    @Test
    void aRequestSearchCannotHelpWithIsCountedAndARefusedAgreementPlacesNoHold() {
        List<Map<String, Object>> raised = metricsOf(() -> Seeds.ok(
                raise(
                        seeds.adviser(),
                        need(SECOND_SCHOOL, List.of("CT.MFL"), 40),
                        UUID.randomUUID().toString()),
                201));
        assertThat(line(raised, BrokerageMetrics.WITHOUT_MATCH))
                .as("no offer of modern languages anywhere")
                .containsEntry(BrokerageMetrics.WITHOUT_MATCH, 1.0);

        String id = raised(SECOND_SCHOOL, List.of("CT.MATHS"), 40);
        Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", offer, "days", 4, "credits", 30)))),
                200);
        Seeds.ok(step(seeds.token(uk.sse.kernel.identity.Role.PROVIDER, AREA, HUB), id, "proposals/P1/accept", 2), 200);
        List<Map<String, Object>> refused =
                metricsOf(() -> Seeds.ok(step(seeds.school(SECOND_SCHOOL), id, "proposals/P1/agree", 3), 409));
        assertThat(refused).noneMatch(l -> l.containsKey(BrokerageMetrics.HOLDS_PLACED));
    }

    /** The metric lines printed on standard output while {@code action} ran, read as JSON; each is checked for form. */
    private List<Map<String, Object>> metricsOf(Runnable action) {
        List<Map<String, Object>> read;
        try (StdoutCapture out = StdoutCapture.start()) {
            action.run();
            read = out.metrics(json);
        }
        for (Map<String, Object> l : read) {
            Map<String, Object> d = definition(l);
            assertThat(d)
                    .containsEntry("Namespace", "SSE")
                    .containsEntry("Dimensions", List.of(List.of("Area"), List.of()));
            assertThat(l).containsEntry("Area", AREA);
        }
        return read;
    }

    private static Map<String, Object> line(List<Map<String, Object>> lines, String metric) {
        return lines.stream()
                .filter(l -> l.containsKey(metric))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + metric + " among " + lines));
    }

    private static Map<String, Object> definition(Map<String, Object> line) {
        assertThat(((Number) ((Map<?, ?>) line.get("_aws")).get("Timestamp")).longValue())
                .isPositive();
        return StdoutCapture.definition(line);
    }
}
