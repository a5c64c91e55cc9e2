package uk.sse.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.testing.AccessMatrix;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;

/**
 * Every ✗ of the ledger's role × endpoint table in docs/architecture.md, sent through the Lambda handler as that
 * column's caller of the area: each is refused (403, or 404 where the thing is not theirs to see) as problem+json, and
 * nothing in the area changes.
 */
@MicronautTest
class LedgerAccessMatrixTest extends LedgerLambdaTest {

    static final String AREA = "888";

    @Inject
    Ledgers ledgers;

    @Inject
    ApplicationContext context;

    final AtomicInteger ids = new AtomicInteger();

    @Test
    void everyDeniedCellIsRefusedAndChangesNothing() {
        ledgers.open(AREA, "100001", "prv_hub");
        ledgers.allocate("matrix-fund", AREA + "/100001", 100);
        String school = ledgers.school(AREA, "100001");
        String brokerage = tokens.service(ServiceScope.LEDGER_HOLDS);
        Api.Reply hold =
                api.post("/transfers", school, Ledgers.hold("matrix-hold", AREA + "/100001", AREA + "/prv_hub", 2));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Map<String, Object> engagement = Ledgers.hold("brk:req_matrix.P1.v3", AREA + "/100001", AREA + "/prv_hub", 2);
        engagement.put("timeoutSeconds", 3600);
        assertThat(api.post("/transfers", brokerage, engagement).status()).isEqualTo(201);

        Map<String, String> callers = Map.of(
                "ADVISER",
                tokens.bearer(Role.ADVISER, AREA, "la-888"),
                "BROKER",
                ledgers.broker(AREA),
                "school",
                school,
                "provider",
                tokens.bearer(Role.PROVIDER, AREA, "prv_hub"),
                "ASSURER",
                tokens.bearer(Role.ASSURER, AREA, "qa-888"),
                "COMMISSIONER",
                ledgers.commissioner(AREA),
                "ADMIN",
                ledgers.admin(AREA),
                "service",
                brokerage);
        try (LambdaInstance lambda = LambdaInstance.like(context, Map.of())) {
            Map<String, Function<String, Api.Reply>> requests = new HashMap<>();
            requests.put(
                    "`POST /accounts`", who -> lambda.post("/accounts", who, Map.of("area", AREA, "owner", "100077")));
            requests.put("`GET /accounts?area=`", who -> lambda.get("/accounts?area=" + AREA, who));
            requests.put("`GET /accounts/{area}/{owner}`", who -> lambda.get("/accounts/" + AREA + "/100001", who));
            requests.put(
                    "`GET /accounts/{area}/{owner}/entries`",
                    who -> lambda.get("/accounts/" + AREA + "/100001/entries", who));
            requests.put(
                    "`POST /allocations`",
                    who -> lambda.post("/allocations", who, Map.of("id", id(), "to", AREA + "/100001", "amount", 5)));
            requests.put(
                    "`POST /transfers` (a payment or hold)",
                    who -> lambda.post(
                            "/transfers",
                            who,
                            Ledgers.transfer(id(), AREA + "/100001", AREA + "/prv_hub", 1, "PAYMENT")));
            requests.put("`POST /transfers` (an adjustment)", who -> {
                Map<String, Object> body = Ledgers.transfer(id(), AREA + "/100001", AREA + "/prv_hub", 1, "ADJUSTMENT");
                body.put("reference", "a correction");
                return lambda.post("/transfers", who, body);
            });
            requests.put("`GET /transfers/{id}`", who -> lambda.get("/transfers/matrix-hold", who));
            requests.put(
                    "`POST /transfers/{id}/post`", who -> lambda.post("/transfers/matrix-hold/post", who, Map.of()));
            requests.put(
                    "`POST /transfers/{id}/void`",
                    who -> lambda.send("POST", "/transfers/matrix-hold/void", who, null));
            requests.put(
                    "`POST /transfers/{id}/extend`",
                    who -> lambda.post("/transfers/matrix-hold/extend", who, Map.of("timeoutSeconds", 60)));
            requests.put(
                    "`POST /transfers/{id}/void` (an engagement hold)",
                    who -> lambda.send("POST", "/transfers/brk:req_matrix.P1.v3/void", who, null));
            requests.put("`GET /holds`", who -> lambda.get("/holds", who));
            requests.put("`GET /ledger/check?area=`", who -> lambda.get("/ledger/check?area=" + AREA, who));
            requests.put(
                    "`GET /ledger/credit-schemes/{area}`", who -> lambda.get("/ledger/credit-schemes/" + AREA, who));
            requests.put(
                    "`PUT /ledger/credit-schemes/{area}`",
                    who -> lambda.send(
                            "PUT",
                            "/ledger/credit-schemes/" + AREA,
                            who,
                            Map.of("creditsPerTerm", 500, "unspentExpires", false)));
            requests.put(
                    "`GET /ledger/people/{subject}` (subject access)",
                    who -> lambda.get("/ledger/people/provider-" + AREA + "-100001", who));
            requests.put(
                    "`POST /ledger/people/{subject}/erasure`",
                    who -> lambda.post("/ledger/people/provider-" + AREA + "-100001/erasure", who, Map.of()));

            List<AccessMatrix.Denial> denials = AccessMatrix.denials("ledger");
            assertThat(denials).hasSizeGreaterThan(50);
            Map<String, Object> before = ledgers.state(AREA);
            for (AccessMatrix.Denial denial : denials) {
                Function<String, Api.Reply> request = requests.get(denial.endpoint());
                assertThat(request).as("a request for " + denial.endpoint()).isNotNull();
                Api.Reply reply = request.apply(callers.get(denial.column()));
                assertThat(reply.status()).as(denial + ": " + reply.body()).isIn(403, 404);
                assertThat(reply.contentType()).as(denial.toString()).startsWith("application/problem+json");
            }
            assertThat(ledgers.state(AREA)).as("the denials changed nothing").isEqualTo(before);
            assertThat(api.get("/ledger/credit-schemes/" + AREA, ledgers.commissioner(AREA))
                            .map())
                    .as("no credit scheme was set")
                    .containsEntry("version", 0);
        }
    }

    private String id() {
        return "matrix-" + ids.incrementAndGet();
    }
}
