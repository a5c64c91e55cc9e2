package uk.sse.brokerage.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import uk.sse.testing.Api;
import uk.sse.testing.Tokens;

/**
 * Base of the tests that go through the brokerage's Lambda handler (API Gateway HTTP API payload 2.0) with the real
 * directory and ledger behind it ({@link World}), on the embedded engines. Each test class gets a world of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrokerageLambdaTest implements TestPropertyProvider {

    @Inject
    protected Api api;

    @Inject
    protected Tokens tokens;

    protected World world;
    protected Seeds seeds;

    @Override
    public Map<String, String> getProperties() {
        world = World.start(getClass());
        return world.brokerageProperties();
    }

    @BeforeAll
    void seeds() {
        seeds = new Seeds(world, tokens);
    }

    @AfterAll
    void stopWorld() {
        world.close();
    }

    /** A request for the school being visited, as an adviser would raise it. */
    static Map<String, Object> need(String urn, List<String> areas, long credits) {
        Map<String, Object> body = new HashMap<>();
        body.put("urn", urn);
        body.put("areasOfSupport", areas);
        body.put(
                "need",
                "Year 1 and 2 teachers want help with number sense: half the class are not secure with bonds to 10.");
        body.put("urgency", "HIGH");
        body.put("daysWanted", 4);
        body.put("deliveryModes", List.of("IN_SCHOOL"));
        body.put("wantedBy", LocalDate.now().plusDays(30).toString());
        body.put("credits", credits);
        return body;
    }

    Api.Reply raise(String bearer, Object body, String idempotencyKey) {
        var request = HttpRequest.POST("/requests", body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return api.send(Api.auth(request, bearer));
    }

    /** Raised by the area's adviser, answered 201; its id. */
    String raised(String urn, List<String> areas, long credits) {
        Api.Reply reply = raise(
                seeds.adviser(), need(urn, areas, credits), UUID.randomUUID().toString());
        return (String) Seeds.ok(reply, 201).map().get("id");
    }

    /** A lifecycle step: POST /requests/{id}/{step} with the version the caller read and the rest of the body. */
    Api.Reply step(String bearer, String id, String step, long version, Map<String, Object> rest) {
        Map<String, Object> body = new HashMap<>(rest);
        body.put("version", version);
        return api.post("/requests/" + id + "/" + step, bearer, body);
    }

    Api.Reply step(String bearer, String id, String step, long version) {
        return step(bearer, id, step, version, Map.of());
    }

    Api.Reply read(String bearer, String id) {
        return api.get("/requests/" + id, bearer);
    }

    static long version(Api.Reply reply) {
        return ((Number) reply.map().get("version")).longValue();
    }

    /**
     * Takes the raised request {@code id} through to an adviser's impact evaluation: the broker proposes {@code offer}
     * (4 days, 30 credits) with {@code note}, {@code provider} accepts, the adviser agrees, delivery starts and
     * completes (3 days), and the adviser rates the impact 5 with {@code impact}.
     */
    void deliveredAndRated(String id, String offer, String provider, String note, String impact) {
        Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", offer, "days", 4, "credits", 30)), "note", note)),
                200);
        Seeds.ok(step(provider, id, "proposals/P1/accept", 2), 200);
        Seeds.ok(step(seeds.adviser(), id, "proposals/P1/agree", 3), 200);
        Seeds.ok(step(seeds.broker(), id, "start", 4), 200);
        Seeds.ok(step(seeds.broker(), id, "complete", 5, Map.of("daysDelivered", 3)), 200);
        Seeds.ok(
                step(seeds.adviser(), id, "evaluations", 6, Map.of("rating", "IMPACT", "score", 5, "notes", impact)),
                200);
    }
}
