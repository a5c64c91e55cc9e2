package uk.sse.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.testing.Api;

/** Allocation, payment, hold, partial post, void and statement, end to end through the Lambda handler. */
@MicronautTest
class TransferLifecycleTest extends LedgerLambdaTest {

    static final String AREA = "888";
    static final String SCHOOL = "888/100001";
    static final String PROVIDER = "888/prv_hub";

    @Inject
    Ledgers ledgers;

    @Test
    void creditsMoveThroughAllocationHoldPartialPostAndStatement() {
        ledgers.open(AREA, "100001", "prv_hub");
        ledgers.allocate("alloc-1", SCHOOL, 30);
        String school = ledgers.school(AREA, "100001");
        assertThat(ledgers.balance(SCHOOL, school, "balance")).isEqualTo(30);

        Api.Reply hold =
                api.post("/transfers", ledgers.school(AREA, "100001"), Ledgers.hold("eng-1", SCHOOL, PROVIDER, 12));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(hold.map()).containsEntry("state", "PENDING");
        assertThat(ledgers.balance(SCHOOL, school, "available")).isEqualTo(18);
        assertThat(ledgers.balance(SCHOOL, school, "balance")).isEqualTo(30);

        Api.Reply posted = api.post("/transfers/eng-1/post", ledgers.school(AREA, "100001"), Map.of("amount", 9));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.map()).containsEntry("state", "POSTED").containsEntry("postedAmount", 9);
        assertThat(ledgers.balance(SCHOOL, school, "balance")).isEqualTo(21);
        assertThat(ledgers.balance(SCHOOL, school, "available")).isEqualTo(21);
        assertThat(ledgers.balance(PROVIDER, ledgers.broker(AREA), "balance")).isEqualTo(9);

        Api.Reply again = api.post("/transfers/eng-1/post", ledgers.school(AREA, "100001"), Map.of("amount", 9));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ledgers.balance(SCHOOL, school, "balance")).isEqualTo(21);

        Api.Reply statement = api.get("/accounts/" + SCHOOL + "/entries", school);
        assertThat(statement.status()).as(statement.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items =
                (List<Map<String, Object>>) statement.map().get("items");
        assertThat(items)
                .extracting(e -> e.get("transfer"), e -> e.get("amount"), e -> e.get("balanceAfter"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("eng-1", -9, 21),
                        org.assertj.core.groups.Tuple.tuple("alloc-1", 30, 30));

        ledgers.assertChecksOut(AREA);
    }

    /** A post's body is optional: none at all, an empty one or {@code {}} posts the whole hold. */
    @Test
    void aHoldIsPostedWholeWithoutABody() {
        ledgers.open("889", "100001", "prv_hub");
        ledgers.allocate("alloc-889", "889/100001", 20);
        String broker = ledgers.school("889", "100001"); // the payer
        java.util.List<java.util.function.Supplier<io.micronaut.http.MutableHttpRequest<?>>> posts = java.util.List.of(
                () -> io.micronaut.http.HttpRequest.create(
                        io.micronaut.http.HttpMethod.POST, "/transfers/whole-1/post"),
                () -> io.micronaut.http.HttpRequest.POST("/transfers/whole-2/post", "")
                        .contentType(io.micronaut.http.MediaType.APPLICATION_JSON),
                () -> io.micronaut.http.HttpRequest.POST("/transfers/whole-3/post", "{}"));
        for (int i = 0; i < posts.size(); i++) {
            String id = "whole-" + (i + 1);
            assertThat(api.post("/transfers", broker, Ledgers.hold(id, "889/100001", "889/prv_hub", 2))
                            .status())
                    .isEqualTo(201);
            Api.Reply posted = api.send(Api.auth(posts.get(i).get(), broker));
            assertThat(posted.status()).as(id + ": " + posted.body()).isEqualTo(200);
            assertThat(posted.map()).containsEntry("state", "POSTED").containsEntry("postedAmount", 2);
        }
        assertThat(ledgers.balance("889/prv_hub", ledgers.commissioner("889"), "balance"))
                .isEqualTo(6);
        ledgers.assertChecksOut("889");
    }
}
