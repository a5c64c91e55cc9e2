package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.SCHOOL;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.AccessMatrix;
import uk.sse.testing.Api;
import uk.sse.testing.HostileBodies;
import uk.sse.testing.LambdaInstance;

/**
 * Every ✗ of the brokerage's role × endpoint table in docs/architecture.md, sent through the Lambda handler as that
 * column's caller of the area, on a request with a proposal addressed to the hub: each is refused (403, or 404 where the
 * request is not theirs to see) as problem+json, and neither the brokerage's table nor the ledger's changes.
 */
@MicronautTest(environments = "test")
class BrokerageAccessMatrixTest extends BrokerageLambdaTest {

    @Inject
    DynamoDbClient dynamo;

    @Test
    void everyDeniedCellIsRefusedAndChangesNothing() {
        seeds.registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 200);
        String offer = seeds.approvedOffer(HUB, "Maths mastery", List.of("CT.MATHS"), 30);
        String id = raised(SCHOOL, List.of("CT.MATHS"), 60);
        Seeds.ok(
                step(
                        seeds.broker(),
                        id,
                        "proposals",
                        1,
                        Map.of("offers", List.of(Map.of("offerId", offer, "days", 2, "credits", 20)))),
                200);
        Map<String, String> callers = Map.of(
                "ADVISER",
                seeds.adviser(),
                "BROKER",
                seeds.broker(),
                "school",
                seeds.school(SCHOOL),
                "provider",
                seeds.token(Role.PROVIDER, AREA, HUB),
                "ASSURER",
                seeds.token(Role.ASSURER, AREA, "qa"),
                "COMMISSIONER",
                seeds.commissioner(),
                "ADMIN",
                seeds.token(Role.ADMIN, AREA, "la-" + AREA),
                "service",
                seeds.brokerageService());
        try (LambdaInstance lambda = world.brokerage()) {
            Function<String, Function<Map<String, Object>, Function<String, Api.Reply>>> step = path -> body -> who -> {
                Map<String, Object> b = new HashMap<>(body);
                b.put("version", 2);
                return lambda.post("/requests/" + id + "/" + path, who, b);
            };
            Map<String, Function<String, Api.Reply>> requests = new HashMap<>();
            requests.put(
                    "`POST /requests`",
                    who -> lambda.send(
                            "POST",
                            "/requests",
                            who,
                            need(SCHOOL, List.of("CT.MATHS"), 10),
                            Map.of("idempotency-key", UUID.randomUUID().toString())));
            requests.put("`GET /requests`", who -> lambda.get("/requests", who));
            requests.put("`GET /requests/{id}`", who -> lambda.get("/requests/" + id, who));
            requests.put(
                    "`POST /requests/{id}/proposals`",
                    step.apply("proposals")
                            .apply(Map.of("offers", List.of(Map.of("offerId", offer, "days", 1, "credits", 10)))));
            requests.put(
                    "`POST /requests/{id}/proposals/{p}/accept`",
                    step.apply("proposals/P1/accept").apply(Map.of()));
            requests.put(
                    "`POST /requests/{id}/proposals/{p}/decline`",
                    step.apply("proposals/P1/decline").apply(Map.of("reason", "full")));
            requests.put(
                    "`POST /requests/{id}/proposals/{p}/agree`",
                    step.apply("proposals/P1/agree").apply(Map.of()));
            requests.put("`POST /requests/{id}/start`", step.apply("start").apply(Map.of()));
            requests.put(
                    "`POST /requests/{id}/complete`", step.apply("complete").apply(Map.of("daysDelivered", 1)));
            requests.put(
                    "`POST /requests/{id}/evaluations` (impact)",
                    step.apply("evaluations").apply(Map.of("rating", "IMPACT", "score", 4)));
            requests.put(
                    "`POST /requests/{id}/evaluations` (the school's)",
                    step.apply("evaluations").apply(Map.of("rating", "SCHOOL", "score", 4)));
            requests.put(
                    "`POST /requests/{id}/cancel`", step.apply("cancel").apply(Map.of("reason", "no longer needed")));
            requests.put(
                    "`POST /requests/{id}/withdraw`",
                    step.apply("withdraw").apply(Map.of("reason", "no longer needed")));
            requests.put(
                    "`GET /requests/people/{subject}` (subject access)",
                    who -> lambda.get("/requests/people/adviser-" + AREA + "-la-" + AREA, who));
            requests.put(
                    "`POST /requests/people/{subject}/erasure`",
                    who -> lambda.post("/requests/people/adviser-" + AREA + "-la-" + AREA + "/erasure", who, Map.of()));

            List<AccessMatrix.Denial> denials = AccessMatrix.denials("brokerage");
            assertThat(denials).hasSizeGreaterThan(60);
            long brokerage = HostileBodies.items(dynamo, world.table("brokerage"));
            long ledger = HostileBodies.items(dynamo, world.table("ledger"));
            for (AccessMatrix.Denial denial : denials) {
                Function<String, Api.Reply> request = requests.get(denial.endpoint());
                assertThat(request).as("a request for " + denial.endpoint()).isNotNull();
                Api.Reply reply = request.apply(callers.get(denial.column()));
                assertThat(reply.status()).as(denial + ": " + reply.body()).isIn(403, 404);
                assertThat(reply.contentType()).as(denial.toString()).startsWith("application/problem+json");
            }
            assertThat(HostileBodies.items(dynamo, world.table("brokerage")))
                    .as("the denials wrote nothing")
                    .isEqualTo(brokerage);
            assertThat(HostileBodies.items(dynamo, world.table("ledger"))).isEqualTo(ledger);
        }
    }
}
