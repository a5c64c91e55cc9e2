package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.sse.brokerage.web.Seeds.AREA;
import static uk.sse.brokerage.web.Seeds.HUB;
import static uk.sse.brokerage.web.Seeds.PROVIDER_SCHOOL;
import static uk.sse.brokerage.web.Seeds.SCHOOL;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;

/**
 * Concurrent invocations, each on a Lambda instance of its own (as in AWS), started together on real threads: two
 * brokers acting on one request, ten retries of one raise with the same Idempotency-Key, two agreements of different
 * proposals racing for the school's credits.
 */
@MicronautTest(environments = "test")
class ConcurrentBrokerageTest extends BrokerageLambdaTest {

    final List<LambdaInstance> instances = new ArrayList<>();
    String mathsOffer;
    String readingOffer;

    @BeforeAll
    void instancesAndDirectory() {
        seeds.registerAndOpenAccounts();
        seeds.allocate(SCHOOL, 500);
        mathsOffer = seeds.approvedOffer(HUB, "Maths mastery in key stage 1", List.of("CT.MATHS"), 30);
        readingOffer = seeds.approvedOffer(PROVIDER_SCHOOL, "Early reading: phonics", List.of("CT.READ"), 20);
        instances.addAll(java.util.stream.IntStream.range(0, 10)
                .parallel()
                .mapToObj(i -> world.brokerage())
                .toList());
    }

    @AfterAll
    void closeInstances() {
        instances.forEach(LambdaInstance::close);
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoBrokersActingOnOneRequestAtOnce_exactlyOneWinsAndTheOtherIsToldWhy() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = raised(SCHOOL, List.of("CT.MATHS", "CT.READ"), 60);
            String first = seeds.token(Role.BROKER, AREA, "broker-one");
            String second = seeds.token(Role.BROKER, AREA, "broker-two");
            List<Api.Reply> replies = together(List.of(
                    () -> instances.get(0).post("/requests/" + id + "/proposals", first, propose(mathsOffer)),
                    () -> instances
                            .get(1)
                            .post(
                                    "/requests/" + id + "/cancel",
                                    second,
                                    Map.of("version", 1, "reason", "a duplicate of another"))));
            assertThat(replies)
                    .extracting(Api.Reply::status)
                    .as(replies.toString())
                    .containsExactlyInAnyOrder(200, 409);
            Api.Reply lost =
                    replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(lost.contentType()).startsWith("application/problem+json");
            assertThat(lost.map().get("type").toString()).matches(".*/brokerage/(stale-version|illegal-transition)");
            Api.Reply now = read(seeds.broker(), id);
            assertThat(now.map()).containsEntry("version", 2);
            // the loser is told what the request allows now: nothing once cancelled, more proposals or a cancel once
            // proposed
            List<String> allowed = (List<String>) lost.map().getOrDefault("allowed", List.of());
            if ("CANCELLED".equals(now.map().get("status"))) {
                assertThat(allowed).isEmpty();
            } else {
                assertThat(now.map()).containsEntry("status", "PROPOSED");
                assertThat(allowed).contains("PROPOSE", "CANCEL");
            }
            assertThat((List<Object>) now.map().get("history")).hasSize(2);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameIdempotencyKeySentTenTimesAtOnceRaisesOneRequest() throws Exception {
        Map<String, Object> body = need(SCHOOL, List.of("CT.MATHS"), 20);
        String adviser = seeds.adviser();
        int before = areaRequests();
        List<Callable<Api.Reply>> sends = new ArrayList<>();
        for (LambdaInstance instance : instances) {
            sends.add(() ->
                    instance.send("POST", "/requests", adviser, body, Map.of("idempotency-key", "flaky-visit-7")));
        }
        List<Api.Reply> replies = together(sends);
        assertThat(replies).extracting(Api.Reply::status).as(replies.toString()).allMatch(s -> s == 200 || s == 201);
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies)
                .extracting(r -> r.map().get("id"))
                .containsOnly(replies.get(0).map().get("id"));
        assertThat(replies)
                .filteredOn(r -> r.status() == 200)
                .allSatisfy(r -> assertThat(r.header("Idempotent-Replayed")).isEqualTo("true"));
        assertThat(areaRequests()).isEqualTo(before + 1);
    }

    @Test
    void twoAgreementsOfDifferentProposalsAtOnce_oneHoldRemainsAndTheOtherIsReleased() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = raised(SCHOOL, List.of("CT.MATHS", "CT.READ"), 60);
            Map<String, Object> both = new HashMap<>(propose(mathsOffer));
            both.put(
                    "offers",
                    List.of(
                            Map.of("offerId", mathsOffer, "days", 2, "credits", 20),
                            Map.of("offerId", readingOffer, "days", 2, "credits", 20)));
            Seeds.ok(step(seeds.broker(), id, "proposals", 1, both), 200);
            Seeds.ok(step(seeds.token(Role.PROVIDER, AREA, HUB), id, "proposals/P1/accept", 2), 200);
            Seeds.ok(step(seeds.school(PROVIDER_SCHOOL), id, "proposals/P2/accept", 3), 200);
            long available = seeds.account(SCHOOL, "available");
            List<Api.Reply> replies = together(List.of(
                    () -> instances
                            .get(2)
                            .post(
                                    "/requests/" + id + "/proposals/P1/agree",
                                    seeds.school(SCHOOL),
                                    Map.of("version", 4)),
                    () -> instances
                            .get(3)
                            .post("/requests/" + id + "/proposals/P2/agree", seeds.adviser(), Map.of("version", 4))));
            assertThat(replies)
                    .extracting(Api.Reply::status)
                    .as(replies.toString())
                    .containsExactlyInAnyOrder(200, 409);
            String won = replies.stream()
                            .filter(r -> r.status() == 200)
                            .findFirst()
                            .orElseThrow()
                            .body()
                            .contains(".P1\"")
                    ? "P1"
                    : "P2";
            String lost = won.equals("P1") ? "P2" : "P1";
            assertThat(seeds.transfer(Brokerage.holdId(id, won, 4)).map()).containsEntry("state", "PENDING");
            Api.Reply stray = seeds.transfer(Brokerage.holdId(id, lost, 4));
            if (stray.status() == 200) { // the loser's hold was placed before its write lost: it was voided
                assertThat(stray.map()).containsEntry("state", "VOIDED");
            } else {
                assertThat(stray.status()).isEqualTo(404);
            }
            assertThat(seeds.account(SCHOOL, "available")).isEqualTo(available - 20);
        }
        seeds.assertLedgerChecksOut();
    }

    private static Map<String, Object> propose(String offer) {
        return Map.of("version", 1, "offers", List.of(Map.of("offerId", offer, "days", 2, "credits", 20)));
    }

    @SuppressWarnings("unchecked")
    private int areaRequests() {
        return ((List<Object>) Seeds.ok(api.get("/requests?listing=area&limit=100", seeds.adviser()), 200)
                        .map()
                        .get("items"))
                .size();
    }

    /** Runs the calls on threads of their own, released at the same moment. */
    private static List<Api.Reply> together(List<Callable<Api.Reply>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (Callable<Api.Reply> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> f : futures) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            threads.shutdownNow();
        }
    }
}
