package uk.sse.ledger.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import uk.sse.ledger.application.LedgerStore;
import uk.sse.ledger.model.Invariants;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferKind;
import uk.sse.ledger.model.TransferState;
import uk.sse.ledger.web.LedgerLambdaTest;
import uk.sse.ledger.web.Ledgers;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;

/**
 * Sixteen threads, each with a Lambda instance of its own (as sixteen concurrent invocations in AWS), send thousands
 * of random transfers, holds, posts, voids and replays among five accounts through the handler, while DynamoDB "conflicts", throttles and loses the answers of writes that landed. Like a
 * real client, each thread repeats a request that got 503 until it gets a definite answer. Afterwards every
 * invariant holds, the transfers stored are exactly the ids that were answered 201, and every hold was resolved
 * once, the way its 200 said.
 */
@MicronautTest
@Property(name = "sse.test.faults", value = "on")
class ConcurrentTransfersTest extends LedgerLambdaTest {

    static final String AREA = "777";
    static final List<String> OWNERS = List.of("100001", "100002", "100003", "prv_a", "prv_b");
    static final int THREADS = 16;
    static final int OPERATIONS_PER_THREAD = 200;

    @Inject
    Ledgers ledgers;

    @Inject
    LedgerStore store;

    @Inject
    ApplicationContext context;

    final Map<String, Map<String, Object>> created = new ConcurrentHashMap<>();
    final List<String> holds = new CopyOnWriteArrayList<>();
    final Map<String, Long> posted = new ConcurrentHashMap<>();
    final Set<String> voided = ConcurrentHashMap.newKeySet();
    final List<String> wrong = new CopyOnWriteArrayList<>();

    @AfterAll
    void faultsOff() {
        FaultInjector.off();
    }

    @Test
    void everyInvariantHoldsAndEachSuccessfulIdIsAppliedOnce() throws Exception {
        ledgers.open(AREA, OWNERS.toArray(String[]::new));
        for (String owner : OWNERS) {
            ledgers.allocate("alloc-" + owner, AREA + "/" + owner, 400);
        }
        long conflictsBefore = FaultInjector.CONFLICTS.get(), throttlesBefore = FaultInjector.THROTTLES.get();
        long lostBefore = FaultInjector.LOST_RESPONSES.get(), refusedBefore = FaultInjector.WRITES_REFUSED.get();
        FaultInjector.set(0.05, 0.03, 0.05);

        List<LambdaInstance> instances = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            instances.add(LambdaInstance.like(context, Map.of()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                start.await();
                run(instances.get(thread), thread, new Random(1000L + thread));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : threads) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        FaultInjector.off();
        instances.forEach(LambdaInstance::close);

        System.out.printf(
                "transfers applied %d, holds posted %d, voided %d; injected: conflicts %d, throttles %d, lost answers %d;"
                        + " writes sent %d, lost races %d%n",
                created.size(),
                posted.size(),
                voided.size(),
                FaultInjector.CONFLICTS.get() - conflictsBefore,
                FaultInjector.THROTTLES.get() - throttlesBefore,
                FaultInjector.LOST_RESPONSES.get() - lostBefore,
                FaultInjector.WRITES_SENT.get(),
                FaultInjector.WRITES_REFUSED.get() - refusedBefore);
        assertThat(wrong).as("answers that break the API's promises").isEmpty();
        assertThat(FaultInjector.CONFLICTS.get() - conflictsBefore)
                .as("conflicts injected")
                .isPositive();
        assertThat(FaultInjector.THROTTLES.get() - throttlesBefore)
                .as("throttles injected")
                .isPositive();
        assertThat(FaultInjector.LOST_RESPONSES.get() - lostBefore)
                .as("answers lost after a write landed")
                .isPositive();
        assertThat(FaultInjector.WRITES_REFUSED.get() - refusedBefore)
                .as("writes that lost a race")
                .isPositive();

        LedgerStore.AreaContents contents = store.contentsOf(AREA);
        assertThat(Invariants.check(contents.accounts(), contents.transfers(), contents.entries()))
                .isEmpty();
        ledgers.assertChecksOut(AREA);

        Map<String, Transfer> stored = contents.transfers().stream()
                .filter(t -> t.kind() != TransferKind.ALLOCATION)
                .collect(Collectors.toMap(t -> t.id().value(), Function.identity()));
        assertThat(stored.keySet())
                .as("transfers stored = distinct ids answered 201")
                .isEqualTo(created.keySet());
        assertThat(created.size())
                .as("enough transfers applied to mean something")
                .isGreaterThan(THREADS * OPERATIONS_PER_THREAD / 3);
        created.forEach((id, body) -> {
            Transfer t = stored.get(id);
            assertThat(t.debit().value()).isEqualTo(body.get("debit"));
            assertThat(t.credit().value()).isEqualTo(body.get("credit"));
            assertThat(t.amount()).isEqualTo(((Number) body.get("amount")).longValue());
        });
        assertThat(posted).as("posted holds").isNotEmpty();
        assertThat(voided).as("voided holds").isNotEmpty();
        posted.forEach((id, amount) -> {
            assertThat(stored.get(id).state()).as(id).isEqualTo(TransferState.POSTED);
            assertThat(stored.get(id).postedAmount()).as(id).isEqualTo(amount);
        });
        voided.forEach(id -> assertThat(stored.get(id).state()).as(id).isEqualTo(TransferState.VOIDED));
        assertThat(posted.keySet()).doesNotContainAnyElementsOf(voided);
    }

    private void run(LambdaInstance lambda, int thread, Random random) {
        List<Map<String, Object>> mine = new ArrayList<>();
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            double roll = random.nextDouble();
            if (roll < 0.45) {
                Map<String, Object> body = body("p-" + thread + "-" + i, random, false);
                create(lambda, payer(body), body, mine);
            } else if (roll < 0.70 || (roll < 0.95 && holds.isEmpty())) {
                Map<String, Object> body = body("h-" + thread + "-" + i, random, true);
                create(lambda, payer(body), body, mine);
            } else if (roll < 0.85) {
                String hold = holds.get(random.nextInt(holds.size()));
                post(lambda, payer(created.get(hold)), hold, random);
            } else if (roll < 0.95) {
                String hold = holds.get(random.nextInt(holds.size()));
                voidHold(lambda, payer(created.get(hold)), hold);
            } else if (!mine.isEmpty()) {
                Map<String, Object> again = mine.get(random.nextInt(mine.size()));
                create(lambda, payer(again), again, mine);
            }
        }
    }

    /** The paying organisation's own token: only it pays, holds, posts (and, with the payee, voids). */
    private String payer(Map<String, Object> body) {
        String debit = (String) body.get("debit");
        return ledgers.school(AREA, debit.substring(debit.indexOf('/') + 1));
    }

    private Map<String, Object> body(String id, Random random, boolean pending) {
        int debit = random.nextInt(OWNERS.size());
        int credit = (debit + 1 + random.nextInt(OWNERS.size() - 1)) % OWNERS.size();
        Map<String, Object> body = Ledgers.transfer(
                id, AREA + "/" + OWNERS.get(debit), AREA + "/" + OWNERS.get(credit), 1 + random.nextInt(40), "PAYMENT");
        body.put("pending", pending);
        return body;
    }

    private void create(
            LambdaInstance lambda, String bearer, Map<String, Object> body, List<Map<String, Object>> mine) {
        String id = (String) body.get("id");
        boolean seen = created.containsKey(id);
        Api.Reply reply = settled(() -> lambda.post("/transfers", bearer, body));
        switch (reply.status()) {
            case 201 -> {
                if (seen && !"true".equals(reply.header("Idempotent-Replayed"))) {
                    wrong.add(id + ": applied again, not replayed");
                }
                if (created.put(id, body) == null && Boolean.TRUE.equals(body.get("pending"))) {
                    holds.add(id);
                }
            }
            case 409 -> {
                if (seen) {
                    wrong.add(id + ": a replay of an applied transfer was refused: " + reply.body());
                }
                if (!reply.body().contains("insufficient-funds")) {
                    wrong.add(id + ": refused for other than funds: " + reply.body());
                }
            }
            default -> wrong.add(id + ": " + reply.status() + " " + reply.body());
        }
        if (!mine.contains(body)) {
            mine.add(body);
        }
    }

    private void post(LambdaInstance lambda, String bearer, String id, Random random) {
        long amount = ((Number) created.get(id).get("amount")).longValue();
        Map<String, Object> body = new HashMap<>();
        if (random.nextBoolean()) {
            body.put("amount", 1 + random.nextInt((int) amount));
        }
        Api.Reply reply = settled(() -> lambda.post("/transfers/" + id + "/post", bearer, body));
        if (reply.status() == 200) {
            long postedAmount = ((Number) reply.map().get("postedAmount")).longValue();
            Long before = posted.putIfAbsent(id, postedAmount);
            if (before != null && before != postedAmount) {
                wrong.add(id + ": posted as " + before + " and as " + postedAmount);
            }
        } else if (reply.status() != 409 || !reply.body().contains("hold-already-resolved")) {
            wrong.add(id + " post: " + reply.status() + " " + reply.body());
        }
    }

    private void voidHold(LambdaInstance lambda, String bearer, String id) {
        Api.Reply reply = settled(() -> lambda.post("/transfers/" + id + "/void", bearer, Map.of()));
        if (reply.status() == 200) {
            voided.add(id);
        } else if (reply.status() != 409 || !reply.body().contains("hold-already-resolved")) {
            wrong.add(id + " void: " + reply.status() + " " + reply.body());
        }
    }

    /** Repeats a request answered 503 (the ledger stayed contended), as a client with the same id should. */
    private static Api.Reply settled(java.util.function.Supplier<Api.Reply> request) {
        for (int attempt = 0; ; attempt++) {
            Api.Reply reply = request.get();
            if (reply.status() != 503 || attempt == 50) {
                return reply;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
        }
    }
}
