package uk.sse.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.testing.AccessMatrix;
import uk.sse.testing.Api;
import uk.sse.testing.HostileBodies;
import uk.sse.testing.LambdaInstance;

/**
 * Every ✗ of the notifier's role × endpoint table in docs/architecture.md, sent through the Lambda handler as that
 * column's caller of the area (each endpoint of a row): each is refused (403 to make or list, 404 for a subscription)
 * as problem+json, and nothing is written.
 */
@MicronautTest
class NotifierAccessMatrixTest extends NotifierLambdaTest {

    static final String AREA = "842";

    @Inject
    ApplicationContext context;

    @Test
    void everyDeniedCellIsRefusedAndChangesNothing() {
        Notifiers.Made mine =
                notifiers().subscribe(AREA, receiver.url("/matrix"), "json", List.of("brokerage.request.created"));
        Api.Reply tested =
                api.post("/subscriptions/" + mine.id() + "/test", notifiers().broker(AREA), null);
        String delivery = (String) ((Map<?, ?>) tested.map().get("delivery")).get("id");
        Map<String, String> callers = Map.of(
                "ADVISER",
                tokens.bearer(Role.ADVISER, AREA, null),
                "BROKER",
                notifiers().broker(AREA),
                "school",
                tokens.bearer(Role.PROVIDER, AREA, "100001"),
                "provider",
                tokens.bearer(Role.PROVIDER, AREA, "prv_hub"),
                "ASSURER",
                tokens.bearer(Role.ASSURER, AREA, null),
                "COMMISSIONER",
                tokens.bearer(Role.COMMISSIONER, AREA, null),
                "ADMIN",
                notifiers().admin(AREA),
                "service",
                tokens.service(ServiceScope.LEDGER_HOLDS, ServiceScope.DIRECTORY_READ));
        String one = "/subscriptions/" + mine.id();
        try (LambdaInstance lambda = LambdaInstance.like(context, Map.of())) {
            Map<String, Function<String, List<Api.Reply>>> requests = new HashMap<>();
            requests.put(
                    "`POST /subscriptions`, `GET /subscriptions`",
                    who -> List.of(
                            lambda.post(
                                    "/subscriptions",
                                    who,
                                    Notifiers.body(receiver.url("/x"), "json", List.of("brokerage.request.created"))),
                            lambda.get("/subscriptions", who)));
            requests.put(
                    "`GET`, `PUT`, `DELETE /subscriptions/{id}`",
                    who -> List.of(
                            lambda.get(one, who),
                            lambda.send(
                                    "PUT",
                                    one,
                                    who,
                                    Notifiers.body(receiver.url("/y"), "json", List.of("brokerage.request.created")),
                                    Map.of("if-match", "\"v1\"")),
                            lambda.send("DELETE", one, who, null)));
            requests.put(
                    "`POST /subscriptions/{id}/pause`, `resume`, `rotate-secret`, `test`",
                    who -> List.of(
                            lambda.send("POST", one + "/pause", who, null),
                                    lambda.send("POST", one + "/resume", who, null),
                            lambda.send("POST", one + "/rotate-secret", who, null),
                                    lambda.send("POST", one + "/test", who, null)));
            requests.put(
                    "`GET /subscriptions/{id}/deliveries[/{d}]`, `POST .../{d}/replay`",
                    who -> List.of(
                            lambda.get(one + "/deliveries", who),
                            lambda.get(one + "/deliveries/" + delivery, who),
                            lambda.send("POST", one + "/deliveries/" + delivery + "/replay", who, null)));

            int subscriptionRows = requests.size();
            requests.put(
                    "`GET /notices`, `GET /notices/unread-count`, `POST /notices/read`, `PUT /notices/contact`, `GET`, `PUT /notices/settings` (their own)",
                    who -> List.of(
                            lambda.get("/notices", who),
                            lambda.get("/notices/unread-count", who),
                            lambda.post("/notices/read", who, Map.of("ids", List.of("ntc_" + "0".repeat(32)))),
                            lambda.send("PUT", "/notices/contact", who, null),
                            lambda.get("/notices/settings", who),
                            lambda.send("PUT", "/notices/settings", who, Map.of("emails", List.of()))));

            requests.put(
                    "`GET /notices/people/{subject}` (subject access)",
                    who -> List.of(lambda.get("/notices/people/adviser-" + AREA, who)));
            requests.put(
                    "`POST /notices/people/{subject}/erasure`",
                    who -> List.of(lambda.post("/notices/people/adviser-" + AREA + "/erasure", who, Map.of())));
            List<AccessMatrix.Denial> denials = AccessMatrix.denials("notifier");
            assertThat(denials)
                    .as("six roles may not use each subscription row; only a service may not read notices; "
                            + "all but the area's admin may not use a person's records")
                    .hasSize(subscriptionRows * 6 + 1 + 2 * 7);
            long before = HostileBodies.items(dynamo, settings.tableName());
            for (AccessMatrix.Denial denial : denials) {
                Function<String, List<Api.Reply>> request = requests.get(denial.endpoint());
                assertThat(request).as("a request for " + denial.endpoint()).isNotNull();
                for (Api.Reply reply : request.apply(callers.get(denial.column()))) {
                    assertThat(reply.status()).as(denial + ": " + reply.body()).isIn(403, 404);
                    assertThat(reply.contentType()).as(denial.toString()).startsWith("application/problem+json");
                }
            }
            assertThat(HostileBodies.items(dynamo, settings.tableName()))
                    .as("the denials wrote nothing")
                    .isEqualTo(before);
        }
    }
}
