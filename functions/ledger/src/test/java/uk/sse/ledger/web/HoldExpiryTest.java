package uk.sse.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.ledger.sweep.SweepDueHolds;
import uk.sse.testing.Api;
import uk.sse.testing.SettableClock;

/**
 * Holds with a timeout lapse: the sweeper (its real Lambda handler, in an application context of its own as in AWS)
 * voids them once the time has passed, and until it does, a lapsed hold can be voided but not posted.
 * The sweeper's context is given this test's properties (the same table); the clock it reads is a
 * {@link SettableClock} there too, and its offset is static, so moving this context's clock moves the sweeper's.
 */
@MicronautTest
class HoldExpiryTest extends LedgerLambdaTest {

    static final String AREA = "888";
    static final String SCHOOL = "888/100001";
    static final String PROVIDER = "888/prv_hub";

    @Inject
    Ledgers ledgers;

    @Inject
    SettableClock clock;

    @Inject
    ApplicationContext context;

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
    void theSweeperVoidsALapsedHoldAndReleasesItsCredits() {
        hold("lapses", 30, 60);
        hold("lasts", 5, 3600);
        hold("never-lapses", 2, 0);
        assertThat(available()).isEqualTo(100 - 30 - 5 - 2);

        Map<String, Object> early = sweep();
        assertThat(early).as("nothing is due before its time").containsEntry("voided", 0);
        assertThat(transfer("lapses")).containsEntry("state", "PENDING");

        clock.advance(Duration.ofSeconds(61));
        Map<String, Object> swept = sweep();
        assertThat(swept).containsEntry("due", 1).containsEntry("voided", 1);

        assertThat(transfer("lapses")).containsEntry("state", "VOIDED").containsEntry("postedAmount", 0);
        assertThat(transfer("lasts")).containsEntry("state", "PENDING");
        assertThat(transfer("never-lapses")).containsEntry("state", "PENDING");
        assertThat(available()).as("the lapsed hold's credits are released").isEqualTo(100 - 5 - 2);
        assertThat(ledgers.balance(SCHOOL, commissioner, "balance")).isEqualTo(100);
        assertThat(ledgers.balance(PROVIDER, commissioner, "creditsPending")).isEqualTo(5 + 2);

        Api.Reply post = api.post("/transfers/lapses/post", payer, null);
        assertThat(post.status()).as(post.body()).isEqualTo(409);
        assertThat(post.contentType()).startsWith("application/problem+json");
        assertThat((String) post.map().get("type")).endsWith("/ledger/hold-already-resolved");
        Api.Reply voidAgain = api.post("/transfers/lapses/void", payer, null);
        assertThat(voidAgain.status())
                .as("voiding what the sweeper voided is a replay")
                .isEqualTo(200);
        assertThat(voidAgain.header("Idempotent-Replayed")).isEqualTo("true");

        Map<String, Object> before = ledgers.state(AREA);
        Map<String, Object> again = sweep();
        assertThat(again).containsEntry("due", 0).containsEntry("voided", 0);
        assertThat(ledgers.state(AREA)).as("a second sweep changes nothing").isEqualTo(before);
        ledgers.assertChecksOut(AREA);

        // tidy up: the other test counts on no other hold coming due
        assertThat(api.post("/transfers/lasts/void", payer, null).status()).isEqualTo(200);
    }

    @Test
    void aLapsedHoldNotYetSweptCannotBePostedButCanBeVoided() {
        hold("lapsed-unswept", 8, 60);
        long availableWhileHeld = available();
        clock.advance(Duration.ofSeconds(61));

        Map<String, Object> before = ledgers.state(AREA);
        for (Map<String, Object> body : java.util.List.<Map<String, Object>>of(Map.of(), Map.of("amount", 3))) {
            Api.Reply post = api.post("/transfers/lapsed-unswept/post", payer, body);
            assertThat(post.status()).as(post.body()).isEqualTo(409);
            assertThat(post.contentType()).startsWith("application/problem+json");
            assertThat((String) post.map().get("type")).endsWith("/ledger/hold-expired");
            @SuppressWarnings("unchecked")
            java.util.List<String> allowed = (java.util.List<String>) post.map().get("allowed");
            assertThat(allowed).containsExactly("void");
        }
        assertThat(ledgers.state(AREA)).as("a refused post changes nothing").isEqualTo(before);
        assertThat(transfer("lapsed-unswept")).containsEntry("state", "PENDING");

        Api.Reply voided = api.post("/transfers/lapsed-unswept/void", payer, null);
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.map()).containsEntry("state", "VOIDED");
        assertThat(available()).isEqualTo(availableWhileHeld + 8);

        assertThat(sweep()).as("nothing left for the sweeper").containsEntry("voided", 0);
        ledgers.assertChecksOut(AREA);
    }

    /** Runs the sweeper's Lambda handler once, in its own application context on this test's table. */
    private Map<String, Object> sweep() {
        Map<String, Object> properties = new HashMap<>();
        for (String key : getProperties().keySet()) {
            properties.put(key, context.getRequiredProperty(key, String.class));
        }
        String[] environments = context.getEnvironment().getActiveNames().toArray(String[]::new);
        try (SweepDueHolds handler = new SweepDueHolds(
                ApplicationContext.builder().environments(environments).properties(properties))) {
            assertThat(handler.getApplicationContext().getBean(java.time.Clock.class))
                    .as("the sweeper reads the movable clock")
                    .isInstanceOf(SettableClock.class);
            return handler.handleRequest(new ScheduledEvent(), null);
        }
    }

    private void hold(String id, long amount, long timeoutSeconds) {
        Map<String, Object> body = Ledgers.hold(id, SCHOOL, PROVIDER, amount);
        if (timeoutSeconds > 0) {
            body.put("timeoutSeconds", timeoutSeconds);
        }
        Api.Reply reply = api.post("/transfers", payer, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        if (timeoutSeconds > 0) {
            assertThat(reply.map().get("timeout")).isNotNull();
        }
    }

    private Map<String, Object> transfer(String id) {
        Api.Reply reply = api.get("/transfers/" + id, commissioner);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    private long available() {
        return ledgers.balance(SCHOOL, commissioner, "available");
    }
}
