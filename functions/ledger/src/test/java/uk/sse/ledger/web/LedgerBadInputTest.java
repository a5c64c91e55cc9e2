package uk.sse.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.sse.ledger.model.Ledger;
import uk.sse.testing.Api;
import uk.sse.testing.JsonDamage;

/**
 * Every kind of bad input gets a 4xx problem+json naming the field, never a 500, and nothing is written: every
 * account and the invariant check are as they were, and the transfer named does not exist.
 */
@MicronautTest
class LedgerBadInputTest extends LedgerLambdaTest {

    static final String AREA = "888";
    static final String OTHER_AREA = "999";
    static final String SCHOOL = "888/100001";
    static final String PROVIDER = "888/prv_hub";
    static final String ELSEWHERE = "999/100001";
    static final String HOLD = "held-1";
    static final String PAID = "paid-1";

    @Inject
    Ledgers ledgers;

    final AtomicInteger ids = new AtomicInteger();
    String commissioner;
    /** The school: only a payer pays, holds and posts. */
    String payer;

    @BeforeAll
    void openAndFund() {
        ledgers.open(AREA, "100001", "prv_hub");
        ledgers.open(OTHER_AREA, "100001");
        ledgers.allocate("fund-1", SCHOOL, 50);
        commissioner = ledgers.commissioner(AREA);
        payer = ledgers.school(AREA, "100001");
        Api.Reply hold = api.post("/transfers", payer, Ledgers.hold(HOLD, SCHOOL, PROVIDER, 10));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Api.Reply paid = api.post("/transfers", payer, Ledgers.transfer(PAID, SCHOOL, PROVIDER, 1, "PAYMENT"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    }

    // ---- POST /transfers

    static Stream<Arguments> badTransfers() {
        long tooLong = Ledger.MAX_TIMEOUT_SECONDS + 1;
        return Stream.of(
                bad("amount zero", 422, "/amount", b -> b.put("amount", 0)),
                bad("amount negative", 422, "/amount", b -> b.put("amount", -5)),
                bad("amount a fraction", 422, "/amount", b -> b.put("amount", new BigDecimal("2.5"))),
                bad("amount 1e30", 422, "/amount", b -> b.put("amount", new BigDecimal("1e30"))),
                bad(
                        "amount one past a long",
                        422,
                        "/amount",
                        b -> b.put("amount", new BigInteger("9223372036854775808"))),
                bad("amount as a string", 400, "/amount", b -> b.put("amount", "12")),
                bad("amount missing", 422, "/amount", b -> b.remove("amount")),
                bad("amount null", 422, "/amount", b -> b.put("amount", null)),
                bad("amount over the maximum", 422, "/amount", b -> b.put("amount", 1_000_000_001L)),
                bad("same account both sides", 422, "/credit", b -> b.put("credit", SCHOOL)),
                bad("unknown debit account", 422, "/debit", b -> b.put("debit", "888/100999")),
                bad("unknown credit account", 422, "/credit", b -> b.put("credit", "888/prv_nobody")),
                bad("accounts in different areas", 422, "/credit", b -> b.put("credit", ELSEWHERE)),
                bad("transfer id with spaces", 422, "/id", b -> b.put("id", "pay ment")),
                bad("transfer id with a slash", 422, "/id", b -> b.put("id", "pay/ment")),
                bad("transfer id of 65 characters", 422, "/id", b -> b.put("id", "x".repeat(65))),
                bad("transfer id empty", 422, "/id", b -> b.put("id", "")),
                bad("transfer id missing", 422, "/id", b -> b.remove("id")),
                bad("debit without a slash", 422, "/debit", b -> b.put("debit", "888-100001")),
                bad("debit with two slashes", 422, "/debit", b -> b.put("debit", "888/100001/x")),
                bad("credit without a slash", 422, "/credit", b -> b.put("credit", "prv_hub")),
                bad("credit with two slashes", 422, "/credit", b -> b.put("credit", "888/prv/hub")),
                bad("unknown kind", 400, "/kind", b -> b.put("kind", "GIFT")),
                bad("kind missing", 422, "/kind", b -> b.remove("kind")),
                bad("unknown field", 400, "/colour", b -> b.put("colour", "red")),
                bad("pending not a boolean", 400, "/pending", b -> b.put("pending", "perhaps")),
                bad("negative timeout", 422, "/timeoutSeconds", b -> {
                    b.put("pending", true);
                    b.put("timeoutSeconds", -1);
                }),
                bad("timeout over 366 days", 422, "/timeoutSeconds", b -> {
                    b.put("pending", true);
                    b.put("timeoutSeconds", tooLong);
                }),
                bad("timeout a fraction", 422, "/timeoutSeconds", b -> {
                    b.put("pending", true);
                    b.put("timeoutSeconds", new BigDecimal("60.5"));
                }),
                bad(
                        "timeout on a transfer that is not a hold",
                        422,
                        "/timeoutSeconds",
                        b -> b.put("timeoutSeconds", 60)),
                bad("reference over 200 characters", 422, "/reference", b -> b.put("reference", "r".repeat(201))),
                bad("insufficient funds", 409, "/amount", b -> b.put("amount", 40)),
                bad("insufficient funds for a hold", 409, "/amount", b -> {
                    b.put("pending", true);
                    b.put("amount", 40);
                }));
    }

    static Arguments bad(String name, int status, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, status, field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTransfers")
    void aBadTransferIsRefusedNamingTheFieldAndChangesNothing(
            String name, int status, String field, Consumer<Map<String, Object>> change) {
        String id = id();
        Map<String, Object> body = Ledgers.transfer(id, SCHOOL, PROVIDER, 5, "PAYMENT");
        change.accept(body);
        // asked by the debit account's owner (when the body names one), so that the answer is the ledger's, not the
        // policy's
        String debit = body.get("debit") instanceof String d && d.matches("[^/]+/[^/]+") ? d : SCHOOL;
        String owner = ledgers.school(debit.substring(0, debit.indexOf('/')), debit.substring(debit.indexOf('/') + 1));
        refused(status, field, id, () -> api.post("/transfers", owner, body));
    }

    @Test
    void theLastCreditCanBeSpentButNotOneMore() {
        // 50 allocated, 10 held, 1 paid: 39 available; 40 was refused above
        assertThat(ledgers.balance(SCHOOL, commissioner, "available")).isEqualTo(39);
        refused(
                409,
                "/amount",
                "pay-too-much",
                () -> api.post("/transfers", payer, Ledgers.transfer("pay-too-much", SCHOOL, PROVIDER, 40, "PAYMENT")));
    }

    // ---- POST /allocations

    static Stream<Arguments> badAllocations() {
        return Stream.of(
                bad("to an account that does not exist", 422, "/to", b -> b.put("to", "888/100999")),
                bad("to without a slash", 422, "/to", b -> b.put("to", "100001")),
                bad("to with two slashes", 422, "/to", b -> b.put("to", "888/100/001")),
                bad("to missing", 422, "/to", b -> b.remove("to")),
                bad("amount zero", 422, "/amount", b -> b.put("amount", 0)),
                bad("amount a fraction", 422, "/amount", b -> b.put("amount", new BigDecimal("0.5"))),
                bad("id with spaces", 422, "/id", b -> b.put("id", "a b")),
                bad("reference over 200 characters", 422, "/reference", b -> b.put("reference", "r".repeat(201))),
                bad("a debit named", 400, "/debit", b -> b.put("debit", "888/ISSUING")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAllocations")
    void aBadAllocationIsRefusedNamingTheFieldAndChangesNothing(
            String name, int status, String field, Consumer<Map<String, Object>> change) {
        String id = id();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("id", id, "to", SCHOOL, "amount", 5));
        change.accept(body);
        refused(status, field, id, () -> api.post("/allocations", commissioner, body));
    }

    @Test
    void anAllocationInAnAreaWithoutAnIssuingAccountNamesTheAccount() {
        Api.Reply opened = api.post("/accounts", ledgers.commissioner("777"), Map.of("area", "777", "owner", "100001"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        refused(
                422,
                "/to",
                "alloc-777",
                () -> api.post(
                        "/allocations",
                        ledgers.commissioner("777"),
                        Map.of("id", "alloc-777", "to", "777/100001", "amount", 5)));
        assertThat(ledgers.balance("777/100001", ledgers.commissioner("777"), "balance"))
                .isZero();
    }

    // ---- malformed and oversized bodies

    @Test
    void malformedJsonIsA400AndChangesNothing() {
        for (String body : List.of(
                "{\"id\": ", "not json", "[1,2,3]", "{\"id\": \"x\",}", "", "{\"amount\": 1e}", "null", "\"12\"")) {
            for (String uri : List.of("/transfers", "/allocations", "/accounts", "/transfers/" + HOLD + "/post")) {
                if (uri.endsWith("/post") && (body.isEmpty() || body.equals("null"))) {
                    continue; // no body, or a null one, posts the whole hold: tested in TransferLifecycleTest
                }
                Map<String, Object> before = state();
                String who = uri.equals("/transfers") || uri.endsWith("/post") ? payer : commissioner;
                Api.Reply reply =
                        api.send(Api.auth(HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_JSON), who));
                assertThat(reply.status())
                        .as(uri + " " + body + ": " + reply.body())
                        .isBetween(400, 422);
                assertThat(reply.contentType()).as(uri + " " + body).startsWith("application/problem+json");
                assertThat(state()).as(uri + " " + body).isEqualTo(before);
            }
        }
        assertThat(ledgers.transferAsCommissioner(AREA, HOLD).map()).containsEntry("state", "PENDING");
    }

    @Test
    void aBodyOver16KiBIsA413() {
        String id = id();
        Map<String, Object> body = Ledgers.transfer(id, SCHOOL, PROVIDER, 5, "PAYMENT");
        body.put("reference", "x".repeat(17 * 1024));
        Api.Reply reply = refused(413, "body", id, () -> api.post("/transfers", payer, body));
        assertThat(reply.map()).containsEntry("status", 413);
    }

    @Test
    void aBodyOfTheWrongMediaTypeIsA415() {
        Map<String, Object> before = state();
        Api.Reply reply = api.send(
                Api.auth(HttpRequest.POST("/transfers", "id=x&amount=1").contentType(MediaType.TEXT_PLAIN), payer));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(state()).isEqualTo(before);
    }

    /** Random damage to a valid body: whatever arrives, the answer is never a 5xx, and the ledger still checks out. */
    @Test
    void randomlyDamagedTransfersNeverCauseAServerError() {
        ledgers.open("555", "100001", "prv_hub");
        ledgers.allocate("fund-555", "555/100001", 1000);
        Map<String, Object> body = Ledgers.transfer("fuzz-1", "555/100001", "555/prv_hub", 5, "PAYMENT");
        body.put("reference", "fuzz");
        body.put("pending", true);
        body.put("timeoutSeconds", 600);
        String valid = api.json(body);
        java.util.Random random = new java.util.Random(20261123);
        int created = 0;
        for (int i = 0; i < 150; i++) {
            String damaged = JsonDamage.damage(valid, random, 3);
            Api.Reply reply = api.send(Api.auth(
                    HttpRequest.POST("/transfers", damaged).contentType(MediaType.APPLICATION_JSON),
                    ledgers.school("555", "100001")));
            assertThat(reply.status()).as(damaged + ": " + reply.body()).isLessThan(500);
            if (reply.status() == 201) {
                created++;
            } else {
                assertThat(reply.contentType()).as(damaged).startsWith("application/problem+json");
                assertThat(reply.status()).as(damaged).isIn(400, 403, 409, 422); // 403: a debit account in another area
            }
        }
        assertThat(created).as("some damage leaves a valid body").isPositive();
        ledgers.assertChecksOut("555");
        ledgers.assertChecksOut(AREA);
    }

    // ---- posting and voiding holds

    @Test
    void postingMoreThanTheHoldIsA422NamingTheAmount() {
        refused(422, "/amount", null, () -> api.post("/transfers/" + HOLD + "/post", payer, Map.of("amount", 11)));
        refused(422, "/amount", null, () -> api.post("/transfers/" + HOLD + "/post", payer, Map.of("amount", 0)));
        refused(
                422,
                "/amount",
                null,
                () -> api.post("/transfers/" + HOLD + "/post", payer, Map.of("amount", new BigDecimal("2.5"))));
        refused(
                422,
                "/amount",
                null,
                () -> api.post("/transfers/" + HOLD + "/post", payer, Map.of("amount", new BigDecimal("1e30"))));
        refused(400, "/amount", null, () -> api.post("/transfers/" + HOLD + "/post", payer, Map.of("amount", "5")));
        refused(400, "/colour", null, () -> api.post("/transfers/" + HOLD + "/post", payer, Map.of("colour", "red")));
        assertThat(ledgers.transferAsCommissioner(AREA, HOLD).map()).containsEntry("state", "PENDING");
    }

    @Test
    void postingOrVoidingATransferThatIsNotAHoldIsA409() {
        for (String verb : List.of("post", "void")) {
            Api.Reply reply =
                    refused(409, null, null, () -> api.post("/transfers/" + PAID + "/" + verb, payer, Map.of()));
            assertThat((String) reply.map().get("type")).endsWith("/ledger/not-a-hold");
        }
        assertThat(ledgers.transferAsCommissioner(AREA, PAID).map()).containsEntry("state", "SINGLE_PHASE");
    }

    @Test
    void postingOrVoidingAnUnknownTransferIsA404() {
        for (String verb : List.of("post", "void")) {
            refused(
                    404,
                    null,
                    "no-such-hold",
                    () -> api.post("/transfers/no-such-hold/" + verb, commissioner, Map.of()));
        }
    }

    @Test
    void aMalformedTransferIdInThePathNamesTheId() {
        for (String path : List.of(
                "/transfers/pay!ment",
                "/transfers/" + "x".repeat(65),
                "/transfers/pay!ment/post",
                "/transfers/pay=ment/void",
                "/transfers/" + "x".repeat(65) + "/void")) {
            Map<String, Object> before = state();
            Api.Reply reply = path.endsWith("/post") || path.endsWith("/void")
                    ? api.post(path, payer, Map.of())
                    : api.get(path, payer);
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(422);
            assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
            assertThat(reply.problemFields()).as(path).containsExactly("id");
            assertThat(state()).as(path).isEqualTo(before);
        }
    }

    // ---- reading: statements, listings, the check

    @Test
    void badPagingOfAStatementNamesTheParameter() {
        String statement = "/accounts/" + SCHOOL + "/entries";
        assertQueryRefused(statement + "?limit=0", 422, "limit");
        assertQueryRefused(statement + "?limit=101", 422, "limit");
        assertQueryRefused(statement + "?limit=-1", 422, "limit");
        assertQueryRefused(statement + "?limit=ten", 400, "limit");
        assertQueryRefused(statement + "?limit=99999999999", 400, "limit");
        assertQueryRefused(statement + "?cursor=not-a-cursor", 422, "cursor");
        assertQueryRefused(statement + "?cursor=" + "A".repeat(3000), 422, "cursor");
        assertQueryRefused(statement + "?cursor=%00%01", 422, "cursor");
    }

    @Test
    void aCursorFromAnotherAccountsStatementOrFromAListingIsRefused() {
        Api.Reply first = api.get("/accounts/" + SCHOOL + "/entries?limit=1", commissioner);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String cursor = (String) first.map().get("next");
        assertThat(cursor).as("the school's statement has more than one entry").isNotNull();
        Api.Reply second = api.get("/accounts/" + SCHOOL + "/entries?limit=1&cursor=" + cursor, commissioner);
        assertThat(second.status()).as("the cursor works where it was given").isEqualTo(200);

        assertQueryRefused("/accounts/" + PROVIDER + "/entries?cursor=" + cursor, 422, "cursor");
        assertQueryRefused("/accounts?area=" + AREA + "&cursor=" + cursor, 422, "cursor");

        Api.Reply listing = api.get("/accounts?area=" + AREA + "&limit=1", commissioner);
        String listingCursor = (String) listing.map().get("next");
        assertThat(listingCursor).isNotNull();
        assertQueryRefused("/accounts/" + SCHOOL + "/entries?cursor=" + listingCursor, 422, "cursor");
        Api.Reply elsewhere =
                api.get("/accounts?area=" + OTHER_AREA + "&cursor=" + listingCursor, ledgers.commissioner(OTHER_AREA));
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(422);
        assertThat(elsewhere.problemFields()).containsExactly("cursor");
    }

    @Test
    void badAreasAndAccountIdsInQueriesAndPathsNameTheParameter() {
        assertQueryRefused("/ledger/check?area=%3Cscript%3E", 422, "area");
        assertQueryRefused("/ledger/check?area=" + "a".repeat(65), 422, "area");
        assertQueryRefused("/ledger/check?area=", 422, "area");
        assertQueryRefused("/ledger/check", 400, "area");
        assertQueryRefused("/accounts?area=888%2F1", 422, "area");
        assertQueryRefused("/accounts", 400, "area");
        assertQueryRefused("/accounts?area=" + AREA + "&limit=0", 422, "limit");
        assertQueryRefused("/accounts/888/a!b", 422, "owner");
        assertQueryRefused("/accounts/8=88/100001/entries", 422, "area");
        assertQueryRefused("/accounts/888/" + "x".repeat(65) + "/entries", 422, "owner");
    }

    @Test
    void aBadAccountToOpenNamesTheField() {
        for (Map.Entry<Map<String, Object>, String> bad : Map.<Map<String, Object>, String>of(
                        Map.of("area", AREA), "/owner",
                        Map.of("owner", "100005"), "/area",
                        Map.of("area", AREA, "owner", "100/005"), "/owner",
                        Map.of("area", "8 88", "owner", "100005"), "/area",
                        Map.of("area", AREA, "owner", "x".repeat(65)), "/owner")
                .entrySet()) {
            Map<String, Object> before = state();
            Api.Reply reply = api.post("/accounts", commissioner, bad.getKey());
            assertThat(reply.status()).as(reply.body()).isEqualTo(422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.problemFields()).as(reply.body()).containsExactly(bad.getValue());
            assertThat(state()).isEqualTo(before);
        }
        Api.Reply unknown =
                api.post("/accounts", commissioner, Map.of("area", AREA, "owner", "100005", "balance", 1000));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.problemFields()).containsExactly("/balance");
        assertThat(api.get("/accounts/888/100005", commissioner).status()).isEqualTo(404);
    }

    // ---- helpers

    private void assertQueryRefused(String uri, int status, String field) {
        Api.Reply reply = api.get(uri, commissioner);
        assertThat(reply.status()).as(uri + ": " + reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(uri).startsWith("application/problem+json");
        assertThat(reply.problemFields()).as(uri + ": " + reply.body()).containsExactly(field);
    }

    /**
     * The request is refused with {@code status} as problem+json naming {@code field} (if given), and changes
     * nothing: both areas' accounts and checks are as they were, and transfer {@code id} (if given) does not exist.
     */
    private Api.Reply refused(int status, String field, String id, Supplier<Api.Reply> request) {
        Map<String, Object> before = state();
        Api.Reply reply = request.get();
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.map()).containsEntry("status", status).containsKeys("type", "title", "detail");
        if (field != null) {
            // a value breaking two rules (1e30 is neither whole-sized nor under the maximum) is named once per rule
            assertThat(reply.problemFields()).as(reply.body()).isNotEmpty().containsOnly(field);
        }
        assertThat(state()).as("nothing changed").isEqualTo(before);
        if (id != null && uk.sse.ledger.model.TransferId.valid(id)) {
            assertThat(ledgers.transferAsCommissioner(AREA, id).status())
                    .as("transfer " + id + " was not created")
                    .isEqualTo(404);
        }
        return reply;
    }

    private Map<String, Object> state() {
        return Map.of(AREA, ledgers.state(AREA), OTHER_AREA, ledgers.state(OTHER_AREA));
    }

    private String id() {
        return "bad-" + ids.incrementAndGet();
    }
}
