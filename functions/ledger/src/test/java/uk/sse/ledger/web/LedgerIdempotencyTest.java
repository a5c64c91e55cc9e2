package uk.sse.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.testing.Api;

/**
 * A transfer is named by the client's id, so sending it again is safe: the same request answers the first result
 * (saying it is a replay) and moves nothing more; a different request under the same id is a conflict.
 */
@MicronautTest
class LedgerIdempotencyTest extends LedgerLambdaTest {

    static final String AREA = "888";
    static final String SCHOOL = "888/100001";
    static final String PROVIDER = "888/prv_hub";

    @Inject
    Ledgers ledgers;

    String payer;
    String commissioner;

    @BeforeAll
    void openAndFund() {
        ledgers.open(AREA, "100001", "prv_hub");
        ledgers.allocate("fund-1", SCHOOL, 100);
        payer = ledgers.school(AREA, "100001"); // the payer: only it pays, posts and (with the payee) voids
        commissioner = ledgers.commissioner(AREA);
    }

    @Test
    void theSameTransferTwiceMovesCreditsOnce() {
        long school = balance(SCHOOL);
        long provider = balance(PROVIDER);
        Map<String, Object> body = Ledgers.transfer("pay-twice", SCHOOL, PROVIDER, 7, "PAYMENT");
        body.put("reference", "invoice 12");

        Api.Reply first = api.post("/transfers", payer, body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        Api.Reply second = api.post("/transfers", payer, body);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.map()).isEqualTo(first.map());
        assertThat(second.header("Location")).isEqualTo("/transfers/pay-twice");

        assertThat(balance(SCHOOL)).isEqualTo(school - 7);
        assertThat(balance(PROVIDER)).isEqualTo(provider + 7);
        statementHasOneEntryFor("pay-twice");
        ledgers.assertChecksOut(AREA);
    }

    @Test
    void theSameAllocationTwiceAllocatesOnce() {
        long school = balance(SCHOOL);
        Map<String, Object> body = Map.of("id", "alloc-twice", "to", SCHOOL, "amount", 20);
        Api.Reply first = api.post("/allocations", commissioner, body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Api.Reply second = api.post("/allocations", commissioner, body);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(balance(SCHOOL)).isEqualTo(school + 20);
        ledgers.assertChecksOut(AREA);
    }

    @Test
    void theSameIdWithADifferentBodyIsAConflictNamingTheId() {
        Map<String, Object> body = Ledgers.transfer("pay-once", SCHOOL, PROVIDER, 3, "PAYMENT");
        assertThat(api.post("/transfers", payer, body).status()).isEqualTo(201);
        Map<String, Object> before = ledgers.state(AREA);

        for (Map.Entry<String, Object> change : Map.<String, Object>of(
                        "amount",
                        4,
                        "credit",
                        "888/ISSUING",
                        "reference",
                        "another",
                        "pending",
                        true,
                        "kind",
                        "ADJUSTMENT")
                .entrySet()) {
            Map<String, Object> different = Ledgers.transfer("pay-once", SCHOOL, PROVIDER, 3, "PAYMENT");
            different.put(change.getKey(), change.getValue());
            // asked by one who may make that kind of transfer, so that the answer is about the id
            Api.Reply reply = api.post(
                    "/transfers", "ADJUSTMENT".equals(different.get("kind")) ? commissioner : payer, different);
            assertThat(reply.status()).as(change + ": " + reply.body()).isEqualTo(409);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat((String) reply.map().get("type")).endsWith("/ledger/id-reused-with-different-body");
            assertThat(reply.problemFields()).as(change.getKey()).containsExactly("/id");
        }
        // an allocation under a payment's id is a different body too
        Api.Reply allocation =
                api.post("/allocations", commissioner, Map.of("id", "pay-once", "to", SCHOOL, "amount", 3));
        assertThat(allocation.status()).isEqualTo(409);
        assertThat(allocation.problemFields()).containsExactly("/id");

        assertThat(ledgers.state(AREA)).isEqualTo(before);
        assertThat(api.get("/transfers/pay-once", payer).map())
                .containsEntry("amount", 3)
                .containsEntry("kind", "PAYMENT");
    }

    @Test
    void postingTheSameAmountTwiceAnswersTheSameAndADifferentAmountIsAConflict() {
        hold("hold-post", 10);
        Api.Reply first = api.post("/transfers/hold-post/post", payer, Map.of("amount", 6));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        Map<String, Object> after = ledgers.state(AREA);

        Api.Reply again = api.post("/transfers/hold-post/post", payer, Map.of("amount", 6));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.map())
                .isEqualTo(first.map())
                .containsEntry("state", "POSTED")
                .containsEntry("postedAmount", 6);

        for (Map<String, Object> different :
                java.util.List.<Map<String, Object>>of(Map.of("amount", 5), Map.of("amount", 10), Map.of())) {
            Api.Reply reply = api.post("/transfers/hold-post/post", payer, different);
            assertThat(reply.status()).as(different + ": " + reply.body()).isEqualTo(409);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat((String) reply.map().get("type")).endsWith("/ledger/hold-already-resolved");
        }
        Api.Reply voided = api.post("/transfers/hold-post/void", payer, null);
        assertThat(voided.status()).isEqualTo(409);
        assertThat(ledgers.state(AREA)).isEqualTo(after);
        statementHasOneEntryFor("hold-post");
    }

    @Test
    void postingAllOfAHoldTwiceAnswersTheSame() {
        hold("hold-all", 4);
        long school = balance(SCHOOL);
        Api.Reply first = api.post("/transfers/hold-all/post", payer, null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Api.Reply again = api.post("/transfers/hold-all/post", payer, Map.of("amount", 4));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.map()).containsEntry("postedAmount", 4);
        assertThat(balance(SCHOOL)).isEqualTo(school - 4);
    }

    @Test
    void voidingTwiceAnswersTheSameAndPostingAfterIsAConflict() {
        hold("hold-void", 5);
        long available = ledgers.balance(SCHOOL, commissioner, "available");
        Api.Reply first = api.post("/transfers/hold-void/void", payer, null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(ledgers.balance(SCHOOL, commissioner, "available")).isEqualTo(available + 5);
        Map<String, Object> after = ledgers.state(AREA);

        Api.Reply again = api.post("/transfers/hold-void/void", payer, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.map()).isEqualTo(first.map()).containsEntry("state", "VOIDED");

        Api.Reply post = api.post("/transfers/hold-void/post", payer, null);
        assertThat(post.status()).as(post.body()).isEqualTo(409);
        assertThat(post.contentType()).startsWith("application/problem+json");
        assertThat((String) post.map().get("type")).endsWith("/ledger/hold-already-resolved");
        assertThat(ledgers.state(AREA)).isEqualTo(after);
        assertThat(ledgers.balance(SCHOOL, commissioner, "available")).isEqualTo(available + 5);
    }

    @Test
    void openingAnAccountThatExistsAnswersIt() {
        Api.Reply first = api.post("/accounts", commissioner, Map.of("area", AREA, "owner", "100002"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/accounts/888/100002");
        assertThat(api.post("/allocations", commissioner, Map.of("id", "fund-2", "to", "888/100002", "amount", 9))
                        .status())
                .isEqualTo(201);

        Api.Reply again =
                api.post("/accounts", ledgers.school(AREA, "100002"), Map.of("area", AREA, "owner", "100002"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("Location")).isEqualTo("/accounts/888/100002");
        assertThat(again.map())
                .containsEntry("id", "888/100002")
                .containsEntry("balance", 9)
                .containsEntry("version", 1);
        assertThat(ledgers.balance("888/100002", commissioner, "balance"))
                .as("opening again empties nothing")
                .isEqualTo(9);

        Api.Reply issuing = api.post("/accounts", commissioner, Map.of("area", AREA, "owner", "ISSUING"));
        assertThat(issuing.status()).isEqualTo(200);
        assertThat(issuing.map()).containsEntry("issuing", true);
        assertThat(((Number) issuing.map().get("debitsPosted")).longValue()).isGreaterThanOrEqualTo(109);
        ledgers.assertChecksOut(AREA);
    }

    private void hold(String id, long amount) {
        Api.Reply reply = api.post("/transfers", payer, Ledgers.hold(id, SCHOOL, PROVIDER, amount));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private long balance(String account) {
        return ledgers.balance(account, commissioner, "balance");
    }

    @SuppressWarnings("unchecked")
    private void statementHasOneEntryFor(String transfer) {
        Api.Reply statement = api.get("/accounts/" + SCHOOL + "/entries?limit=100", commissioner);
        assertThat(statement.status()).isEqualTo(200);
        assertThat((java.util.List<Map<String, Object>>) statement.map().get("items"))
                .filteredOn(e -> transfer.equals(e.get("transfer")))
                .hasSize(1);
    }
}
