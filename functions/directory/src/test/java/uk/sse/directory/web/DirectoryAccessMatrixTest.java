package uk.sse.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.directory.web.Fixtures.AREA;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.directory.storage.DirectoryTable;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.testing.AccessMatrix;
import uk.sse.testing.Api;
import uk.sse.testing.HostileBodies;
import uk.sse.testing.LambdaInstance;
import uk.sse.testing.Tokens;

/**
 * Every ✗ of the directory's role × endpoint table in docs/architecture.md, sent through the Lambda handler as that
 * column's caller of the area (each endpoint of a row): each is refused (403, or 404 where the offer is not theirs to
 * see) as problem+json, and nothing is written.
 */
@MicronautTest(environments = "test")
class DirectoryAccessMatrixTest extends LambdaTest {

    static final String SCHOOL = "100006";

    @Inject
    ApplicationContext context;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    DirectoryTable table;

    @Inject
    Tokens tokens;

    @Test
    void everyDeniedCellIsRefusedAndChangesNothing() {
        String school = fixtures.registeredProvider(SCHOOL);
        String hub = fixtures.token(Role.PROVIDER, AREA, "prv_hub");
        Seeds.ok(api.post("/providers", hub, Fixtures.otherProvider("HUB", "Camden Maths Hub", AREA)), 201);
        String draft = (String) fixtures.draftOffer(SCHOOL, AREA).map().get("id");
        String submitted = (String) fixtures.draftOffer(SCHOOL, AREA).map().get("id");
        Seeds.ok(fixtures.act(submitted, school, "SUBMIT", null, null), 200);
        Map<String, String> callers = Map.of(
                "ADVISER",
                fixtures.token(Role.ADVISER, AREA, null),
                "BROKER",
                fixtures.token(Role.BROKER, AREA, null),
                "school",
                school,
                "provider",
                hub,
                "ASSURER",
                fixtures.token(Role.ASSURER, AREA, "qa"),
                "COMMISSIONER",
                fixtures.token(Role.COMMISSIONER, AREA, null),
                "ADMIN",
                fixtures.token(Role.ADMIN, AREA, null),
                "service",
                tokens.service(ServiceScope.LEDGER_HOLDS, ServiceScope.DIRECTORY_READ));
        try (LambdaInstance lambda = LambdaInstance.like(context, Map.of())) {
            Map<String, Function<String, List<Api.Reply>>> requests = new HashMap<>();
            requests.put(
                    "`POST /providers`",
                    who -> List.of(lambda.post("/providers", who, Fixtures.otherProvider("TRUST", "A Trust", AREA))));
            requests.put(
                    "`GET /providers/{id}`, `GET /providers?area=`",
                    who -> List.of(
                            lambda.get("/providers/" + SCHOOL, who), lambda.get("/providers?area=" + AREA, who)));
            requests.put(
                    "`PUT /providers/{id}`",
                    who -> List.of(lambda.send(
                            "PUT",
                            "/providers/" + SCHOOL,
                            who,
                            Fixtures.schoolProvider(SCHOOL, AREA),
                            Map.of("if-match", "\"v1\""))));
            requests.put(
                    "`PUT /providers/{id}/designations`",
                    who -> List.of(lambda.send(
                            "PUT",
                            "/providers/" + SCHOOL + "/designations",
                            who,
                            Map.of("verified", List.of()),
                            Map.of("if-match", "\"v1\""))));
            requests.put("`POST /offers`", who -> List.of(lambda.post("/offers", who, Fixtures.offer(SCHOOL))));
            requests.put("`GET /offers/{id}` (a draft)", who -> List.of(lambda.get("/offers/" + draft, who)));
            requests.put(
                    "`PUT /offers/{id}`",
                    who -> List.of(lambda.send(
                            "PUT", "/offers/" + draft, who, Fixtures.offer(null), Map.of("if-match", "\"v1\""))));
            requests.put(
                    "`POST /offers/{id}/assurance` (submit, withdraw)",
                    who -> List.of(
                            lambda.post("/offers/" + draft + "/assurance", who, Map.of("action", "SUBMIT")),
                            lambda.post("/offers/" + draft + "/assurance", who, Map.of("action", "WITHDRAW"))));
            requests.put(
                    "`POST /offers/{id}/assurance` (approve, reject, ...)",
                    who -> List.of(
                            lambda.post(
                                    "/offers/" + submitted + "/assurance",
                                    who,
                                    Map.of(
                                            "action",
                                            "APPROVE",
                                            "reason",
                                            "fine",
                                            "reviewDate",
                                            LocalDate.now().plusMonths(6).toString())),
                            lambda.post(
                                    "/offers/" + submitted + "/assurance",
                                    who,
                                    Map.of("action", "REJECT", "reason", "no"))));
            requests.put(
                    "`GET /offers/{id}/versions`", who -> List.of(lambda.get("/offers/" + draft + "/versions", who)));
            requests.put(
                    "`GET /offers?area=&status=SUBMITTED`, `GET /assurance/queue`",
                    who -> List.of(
                            lambda.get("/offers?area=" + AREA + "&status=SUBMITTED", who),
                            lambda.get("/assurance/queue?area=" + AREA, who)));
            requests.put("`POST /schools/import`", who -> List.of(importAs(lambda, who)));
            requests.put(
                    "`PUT /areas/{id}`",
                    who -> List.of(
                            lambda.send(
                                    "PUT",
                                    "/areas/" + AREA,
                                    who,
                                    Map.of(
                                            "name",
                                            "Camden",
                                            "kind",
                                            "LA",
                                            "laCodes",
                                            List.of(AREA),
                                            "schoolsRaiseRequests",
                                            true),
                                    Map.of()),
                            lambda.send(
                                    "PUT",
                                    "/areas/north-london",
                                    who,
                                    Map.of("name", "North London", "kind", "PARTNERSHIP", "laCodes", List.of(AREA)),
                                    Map.of())));
            requests.put(
                    "`GET /schools?q=`, `GET /schools/search`, `GET /search/suggest`, `GET /taxonomy`",
                    who -> List.of(
                            lambda.get("/schools?q=Heath", who), lambda.get("/schools/search?q=Heath", who),
                            lambda.get("/search/suggest?q=pho", who), lambda.get("/taxonomy", who)));

            requests.put(
                    "`GET /providers/people/{subject}` (subject access)",
                    who -> List.of(lambda.get("/providers/people/assurer-" + AREA + "-qa", who)));
            requests.put(
                    "`POST /providers/people/{subject}/erasure`",
                    who -> List.of(lambda.post("/providers/people/assurer-" + AREA + "-qa/erasure", who, Map.of())));

            List<AccessMatrix.Denial> denials = AccessMatrix.denials("directory");
            assertThat(denials).hasSizeGreaterThan(60);
            long before = HostileBodies.items(dynamo, table.name());
            for (AccessMatrix.Denial denial : denials) {
                Function<String, List<Api.Reply>> request = requests.get(denial.endpoint());
                assertThat(request).as("a request for " + denial.endpoint()).isNotNull();
                for (Api.Reply reply : request.apply(callers.get(denial.column()))) {
                    assertThat(reply.status()).as(denial + ": " + reply.body()).isIn(403, 404);
                    assertThat(reply.contentType()).as(denial.toString()).startsWith("application/problem+json");
                }
            }
            assertThat(HostileBodies.items(dynamo, table.name()))
                    .as("the denials wrote nothing")
                    .isEqualTo(before);
        }
    }

    private static Api.Reply importAs(LambdaInstance lambda, String who) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "text/csv"));
        if (who != null) {
            headers.put("authorization", who);
        }
        var response = lambda.handle("POST", "/schools/import", headers, Fixtures.SCHOOLS_CSV);
        Map<String, java.util.List<String>> answered = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> answered.put(k, List.of(v)));
        }
        return new Api.Reply(response.getStatusCode(), answered, response.getBody(), null);
    }

    /** Asserting helpers as the brokerage's tests have them. */
    static final class Seeds {
        static Api.Reply ok(Api.Reply reply, int status) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(status);
            return reply;
        }
    }
}
