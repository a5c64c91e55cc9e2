package uk.sse.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;
import uk.sse.engines.Engines;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.IdentitySettings;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.ledger.LedgerSettings;
import uk.sse.ledger.application.ApplyCommand;
import uk.sse.kernel.retry.Backoff;
import uk.sse.ledger.application.LedgerStore;
import uk.sse.ledger.model.Invariants;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferKind;
import uk.sse.ledger.model.TransferState;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The ledger's transfers under contention, on DynamoDB Local in this JVM: a few accounts in one area
 * (its issuing account, four schools, two providers, all funded by allocations) and 1, 4 and 16 threads
 * moving credits between random pairs of them, timed two ways in the same run on the same table:
 * <ol>
 *   <li>the ledger's Lambda handler ({@code APIGatewayV2HTTPEventFunction}) called in process with API Gateway v2
 *       events carrying the paying organisation's signed token (only a payer pays, holds and posts): JWT and claim
 *       checks, the edge's checks of the body, binding and validation, {@code MoveCredits} /
 *       {@code ResolveHold}, {@code ApplyCommand}'s read, apply, conditional write and retries, JSON out;</li>
 *   <li>the baseline: the same reads and TransactWriteItems, written by hand with a DynamoDbClient (same transport,
 *       same items, who asked included, same conditions, same backoff) in a second area of the same table.</li>
 * </ol>
 * Nine operations in ten are single-phase PAYMENTs; the tenth is a hold followed by its post (all or part). Each
 * request has an id of its own; a 503 (the ledger gave up after its attempts) is sent again with the same id, as a
 * client would. Handler and baseline runs alternate, which goes first alternating too; medians are reported.
 * At the end both areas are read back with {@code LedgerStore.contentsOf} and checked with {@link Invariants};
 * the stored transfers must be exactly the requests answered with success. Anything else fails the benchmark.
 * Usage: LedgerBenchmark [SECONDS_PER_RUN (default 8)] [RUNS (default 5)]
 */
public final class LedgerBenchmark {

    static final String AREA = "900";
    static final String RAW_AREA = "901";
    static final List<String> OWNERS = List.of("100001", "100002", "100003", "100004", "prv_hub", "prv_tutors");
    static final long FUNDS = 1_000_000_000L;
    static final int HOLD_EVERY = 10;
    static final int[] THREADS = {1, 4, 16};
    static final String SECRET = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    private final ApplicationContext context;
    private final APIGatewayV2HTTPEventFunction handler;
    private final ApplyCommand.Counters counters;
    private final DynamoDbClient client;
    private final String table;
    private final Backoff backoff;
    /** Each paying organisation's token: only a payer pays, holds and posts its credits. */
    private final Map<String, String> payers = new HashMap<>();
    private final Map<String, String> holdDebits = new ConcurrentHashMap<>();
    private final Set<String> handlerIds = ConcurrentHashMap.newKeySet();
    private final Set<String> rawIds = ConcurrentHashMap.newKeySet();
    private final LongAdder rawAttempts = new LongAdder();
    private final LongAdder rawLostRaces = new LongAdder();
    private final LongAdder rawFaults = new LongAdder();
    private final LongAdder rawReadNanos = new LongAdder();
    private final LongAdder rawWriteNanos = new LongAdder();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private LedgerBenchmark(String endpoint) {
        this.table = "ledger-bench-" + UUID.randomUUID().toString().substring(0, 8);
        // and the web's settings (LocalWeb): the web's beans are on this classpath too
        this.context = ApplicationContext.builder().properties(uk.sse.local.LocalWeb.settings(0)).properties(Map.of(
                "sse.aws.endpoint", endpoint,
                "sse.aws.create-tables", "true",
                "sse.ledger.table-name", table,
                SECRET, "benchmark-secret-that-is-long-enough-0123456789")).start();
        this.handler = new APIGatewayV2HTTPEventFunction(context);
        this.counters = context.getBean(ApplyCommand.class).counters();
        this.backoff = context.getBean(LedgerSettings.class).backoff();
        // the baseline's own client, built as the ledger's factory builds its one (URL-connection transport)
        this.client = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(URI.create(endpoint)).build();
        for (String owner : OWNERS) {
            payers.put(AREA + "/" + owner, bearer(Role.PROVIDER, AREA, owner));
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            Class.forName("io.micronaut.http.server.netty.NettyHttpServer");
            System.out.println("micronaut-http-server-netty is on the classpath: JSON bodies would not bind as in the ledger's Lambda "
                    + "(an amount of 5 arrives as 5.0 and is refused). Run this with ./run bench-ledger, which leaves it out.");
            System.exit(2);
        } catch (ClassNotFoundException expected) {
            // as in the ledger's Lambda
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long started = System.nanoTime();
        String endpoint = Engines.dynamo().endpoint().toString();
        int status = 0;
        LedgerBenchmark bench = null;
        try {
            bench = new LedgerBenchmark(endpoint);
            System.out.printf("DynamoDB Local and the ledger's context ready in %.1f s; table %s; %d cores, max heap %d MB, JDK %s%n",
                    (System.nanoTime() - started) / 1e9, bench.table, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
            bench.setUp();
            bench.measure(seconds, runs);
            status = bench.check() ? 0 : 1;
        } catch (Throwable failed) {
            failed.printStackTrace();
            status = 1;
        } finally {
            if (bench != null) {
                bench.client.close();
                bench.context.close();
            }
            Engines.dynamo().close();
        }
        if (status != 0) {
            System.out.println("LEDGER BENCHMARK FAILED");
        }
        System.exit(status);
    }

    // ---------------------------------------------------------------- set-up, through the handler

    private void setUp() {
        for (String area : List.of(AREA, RAW_AREA)) {
            String commissioner = bearer(Role.COMMISSIONER, area, "la-" + area);
            for (String owner : concat("ISSUING", OWNERS)) {
                expect(call("POST", "/accounts", json("area", area, "owner", owner), commissioner), 201);
            }
            for (String owner : OWNERS) {
                expect(call("POST", "/allocations", json("id", "alloc-" + area + "-" + owner, "to", area + "/" + owner, "amount", FUNDS),
                        commissioner), 201);
            }
        }
        System.out.printf("areas %s (handler) and %s (baseline): ISSUING + %s, %,d credits allocated to each%n", AREA, RAW_AREA, OWNERS, FUNDS);
    }

    // ---------------------------------------------------------------- the runs

    /** One run's figures. */
    record Run(int threads, long requests, double seconds, long p50, long p99, long attempts, long lostRaces, long faults, long busy,
               long cpuNanos, long readNanos, long writeNanos) {
        double perSecond() {
            return requests / seconds;
        }

        /** CPU time of the whole process (DynamoDB Local included) per request, ms. */
        double cpuPerRequest() {
            return cpuNanos / 1e6 / requests;
        }
    }

    /** One way of carrying out the three commands; each returns once the command is done (applied or replayed). */
    interface Way {
        String name();

        /** Returns how many times the request had to be sent again after a 503 (or a give-up, for the baseline). */
        int create(String id, String debit, String credit, long amount, boolean pending);

        int post(String id, long amount);
    }

    private void measure(int seconds, int runs) throws Exception {
        Way viaHandler = new ViaHandler();
        Way raw = new Raw();
        int warmUp = Math.min(seconds, 5);
        System.out.printf("warm-up: %d s of each at 4 threads%n", warmUp);
        run(viaHandler, 4, warmUp, "w");
        run(raw, 4, warmUp, "w");
        Map<Integer, List<Run>> handlerRuns = new HashMap<>();
        Map<Integer, List<Run>> rawRuns = new HashMap<>();
        System.out.printf("%d runs of %d s per way and thread count, handler and baseline alternating%n", runs, seconds);
        System.out.println("run threads way        req/s   p50 ms  p99 ms  attempts/req  lost/req  faults  503s  cpu ms/req  raw read/write ms per attempt");
        for (int r = 0; r < runs; r++) {
            for (int threads : THREADS) {
                boolean handlerFirst = (r + threads) % 2 == 0;
                for (Way way : handlerFirst ? List.of(viaHandler, raw) : List.of(raw, viaHandler)) {
                    Run result = run(way, threads, seconds, "r" + r);
                    (way == viaHandler ? handlerRuns : rawRuns).computeIfAbsent(threads, t -> new ArrayList<>()).add(result);
                    System.out.printf("%3d %7d %-9s %8.0f %8.2f %7.2f %13.3f %9.3f %7d %5d %11.2f  %s%n", r + 1, threads, way.name(), result.perSecond(),
                            result.p50() / 1e6, result.p99() / 1e6, (double) result.attempts() / result.requests(),
                            (double) result.lostRaces() / result.requests(), result.faults(), result.busy(), result.cpuPerRequest(),
                            way == raw ? String.format("%.2f / %.2f", result.readNanos() / 1e6 / result.attempts(),
                                    result.writeNanos() / 1e6 / result.attempts()) : "");
                }
            }
        }
        table(handlerRuns, rawRuns, seconds, runs);
    }

    /** {@code threads} workers for {@code seconds}; a worker finishes the operation in hand when time is up. */
    private Run run(Way way, int threads, int seconds, String tag) throws Exception {
        long attempts0 = way instanceof Raw ? rawAttempts.sum() : counters.attempts().sum();
        long lost0 = way instanceof Raw ? rawLostRaces.sum() : counters.lostRaces().sum();
        long faults0 = way instanceof Raw ? rawFaults.sum() : counters.faults().sum();
        long read0 = rawReadNanos.sum();
        long write0 = rawWriteNanos.sum();
        long cpu0 = os.getProcessCpuTime();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> done = new ArrayList<>();
        LongAdder busy = new LongAdder();
        long began;
        long ended;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                String prefix = (way instanceof Raw ? "raw" : "fn") + "-" + tag + "-" + threads + "-" + t + "-";
                long seed = 31L * t + threads + tag.hashCode();
                done.add(pool.submit(() -> {
                    start.await();
                    return worker(way, prefix, seed, System.nanoTime() + seconds * 1_000_000_000L, busy);
                }));
            }
            began = System.nanoTime();
            start.countDown();
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> f : done) {
                latencies.add(f.get());
            }
            ended = System.nanoTime();
            long cpu = os.getProcessCpuTime() - cpu0;
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            long attempts = (way instanceof Raw ? rawAttempts.sum() : counters.attempts().sum()) - attempts0;
            long lost = (way instanceof Raw ? rawLostRaces.sum() : counters.lostRaces().sum()) - lost0;
            long faults = (way instanceof Raw ? rawFaults.sum() : counters.faults().sum()) - faults0;
            return new Run(threads, all.length, (ended - began) / 1e9, percentile(all, 50), percentile(all, 99), attempts, lost, faults, busy.sum(),
                    cpu, rawReadNanos.sum() - read0, rawWriteNanos.sum() - write0);
        }
    }

    /** Requests until the deadline; returns each request's time from first send to its success, in ns. */
    private long[] worker(Way way, String prefix, long seed, long deadline, LongAdder busy) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] times = new long[1024];
        int n = 0;
        int sequence = 0;
        String area = way instanceof Raw ? RAW_AREA : AREA;
        while (System.nanoTime() < deadline) {
            int d = random.nextInt(OWNERS.size());
            int c = (d + 1 + random.nextInt(OWNERS.size() - 1)) % OWNERS.size();
            String debit = area + "/" + OWNERS.get(d);
            String credit = area + "/" + OWNERS.get(c);
            long amount = 1 + random.nextInt(5);
            String id = prefix + sequence++;
            boolean hold = random.nextInt(HOLD_EVERY) == 0;
            if (n + 2 > times.length) {
                times = Arrays.copyOf(times, times.length * 2);
            }
            long t = System.nanoTime();
            busy.add(way.create(id, debit, credit, amount, hold));
            times[n++] = System.nanoTime() - t;
            (way instanceof Raw ? rawIds : handlerIds).add(id);
            if (hold) {
                long posted = amount - random.nextInt((int) amount); // all of it, or part
                t = System.nanoTime();
                busy.add(way.post(id, posted));
                times[n++] = System.nanoTime() - t;
            }
        }
        return Arrays.copyOf(times, n);
    }

    // ---------------------------------------------------------------- the handler

    final class ViaHandler implements Way {
        @Override
        public String name() {
            return "handler";
        }

        @Override
        public int create(String id, String debit, String credit, long amount, boolean pending) {
            String body = pending ? json("id", id, "debit", debit, "credit", credit, "amount", amount, "kind", "PAYMENT", "pending", true)
                    : json("id", id, "debit", debit, "credit", credit, "amount", amount, "kind", "PAYMENT");
            if (pending) {
                holdDebits.put(id, debit);
            }
            return untilDone("POST", "/transfers", body, 201, payers.get(debit));
        }

        @Override
        public int post(String id, long amount) {
            return untilDone("POST", "/transfers/" + id + "/post", json("amount", amount), 200, payers.get(holdDebits.get(id)));
        }

        private int untilDone(String method, String path, String body, int expected, String payer) {
            for (int busy = 0; ; busy++) {
                APIGatewayV2HTTPResponse r = call(method, path, body, payer);
                if (r.getStatusCode() != 503) {
                    if (r.getStatusCode() != expected) {
                        throw new IllegalStateException("the handler answered " + r.getStatusCode() + ", not " + expected
                                + ", to " + method + " " + path + " " + body + ": " + r.getBody());
                    }
                    return busy;
                }
            }
        }
    }

    private APIGatewayV2HTTPResponse call(String method, String path, String body, String bearer) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default")
                .withRawPath(path).withRawQueryString("")
                .withHeaders(Map.of("authorization", bearer, "content-type", "application/json"))
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                        .withRequestId("bench").build())
                .build();
        return handler.handleRequest(event, null);
    }

    private static void expect(APIGatewayV2HTTPResponse r, int status) {
        if (r.getStatusCode() != status) {
            throw new IllegalStateException("the handler answered " + r.getStatusCode() + ", not " + status + ": " + r.getBody());
        }
    }

    private String bearer(Role role, String area, String organisation) {
        Map<String, Object> claims = TokenClaims.person(context.getBean(IdentitySettings.class),
                role.name().toLowerCase(Locale.ROOT) + "-" + area + "-" + organisation, role, area, organisation, java.time.Duration.ofHours(6));
        return "Bearer " + context.getBean(JwtTokenGenerator.class).generateToken(claims).orElseThrow();
    }

    // ---------------------------------------------------------------- the baseline: raw DynamoDB transactions

    /** An account item's totals as read. */
    record Totals(String id, long debitsPosted, long creditsPosted, long debitsPending, long creditsPending, long version) {
        static Totals of(Map<String, AttributeValue> item) {
            Items i = Items.of(item);
            return new Totals(i.s("account"), i.n("debitsPosted"), i.n("creditsPosted"), i.n("debitsPending"), i.n("creditsPending"), i.n("version"));
        }

        long balance() {
            return creditsPosted - debitsPosted;
        }

        Totals plus(long debitPosted, long creditPosted, long debitPending, long creditPending) {
            return new Totals(id, debitsPosted + debitPosted, creditsPosted + creditPosted, debitsPending + debitPending,
                    creditsPending + creditPending, version + 1);
        }
    }

    /**
     * Each command as the ledger stores it, by hand: one TransactGetItems (the transfer and both accounts), the
     * arithmetic, one TransactWriteItems (both accounts on their version, the transfer on attribute_not_exists or on
     * still PENDING, the entries); a lost race or a conflict reads again after the ledger's own backoff.
     */
    final class Raw implements Way {
        @Override
        public String name() {
            return "raw";
        }

        @Override
        public int create(String id, String debit, String credit, long amount, boolean pending) {
            return retrying(() -> {
                long t0 = System.nanoTime();
                List<ItemResponse> read = read(transferKey(id), accountKey(debit), accountKey(credit));
                rawReadNanos.add(System.nanoTime() - t0);
                if (present(read.get(0))) {
                    return true; // applied before: a replay
                }
                Totals d = Totals.of(read.get(1).item());
                Totals c = Totals.of(read.get(2).item());
                String now = Instant.now().toString();
                Totals newD = pending ? d.plus(0, 0, amount, 0) : d.plus(amount, 0, 0, 0);
                Totals newC = pending ? c.plus(0, 0, 0, amount) : c.plus(0, amount, 0, 0);
                if (newD.balance() - newD.debitsPending() < 0) {
                    throw new IllegalStateException(debit + " ran out of credits");
                }
                List<TransactWriteItem> items = new ArrayList<>(accountPuts(d, newD, c, newC));
                items.add(put(transferItem(id, debit, credit, amount, pending, pending ? "PENDING" : "SINGLE_PHASE",
                        pending ? 0 : amount, now, pending ? null : now), "attribute_not_exists(pk)", Map.of(), Map.of()));
                if (!pending) {
                    items.addAll(entryPuts(id, newD, newC, amount, now));
                }
                return write(items);
            });
        }

        @Override
        public int post(String id, long posted) {
            // ResolveHold reads the hold once first (to check who may post it), then loops on ApplyCommand
            Items hold = Items.of(client.getItem(b -> b.tableName(table).key(transferKey(id)).consistentRead(true)).item());
            String debit = hold.s("debit");
            String credit = hold.s("credit");
            return retrying(() -> {
                long t0 = System.nanoTime();
                List<ItemResponse> read = read(transferKey(id), accountKey(debit), accountKey(credit));
                rawReadNanos.add(System.nanoTime() - t0);
                Items t = Items.of(read.get(0).item());
                if (!"PENDING".equals(t.s("state"))) {
                    return true; // resolved before: a replay
                }
                long amount = t.n("amount");
                Totals d = Totals.of(read.get(1).item());
                Totals c = Totals.of(read.get(2).item());
                String now = Instant.now().toString();
                Totals newD = d.plus(posted, 0, -amount, 0);
                Totals newC = c.plus(0, posted, 0, -amount);
                List<TransactWriteItem> items = new ArrayList<>(accountPuts(d, newD, c, newC));
                items.add(put(transferItem(id, debit, credit, amount, true, "POSTED", posted, t.s("createdAt"), now),
                        "#state = :pending AND (attribute_not_exists(#revision) OR #revision = :read)",
                        Map.of("#state", "state", "#revision", "revision"),
                        Map.of(":pending", AttributeValue.fromS("PENDING"), ":read", AttributeValue.fromN("0"))));
                items.addAll(entryPuts(id, newD, newC, posted, now));
                return write(items);
            });
        }

        interface Attempt {
            /** True when done; false when a condition failed (another writer was first). */
            boolean once();
        }

        /** The ledger's loop: up to its attempts with its backoff; then, as a client after a 503, again from the start. */
        private int retrying(Attempt attempt) {
            int busy = 0;
            while (true) {
                for (int i = 1; i <= backoff.maxAttempts(); i++) {
                    rawAttempts.increment();
                    try {
                        if (attempt.once()) {
                            return busy;
                        }
                        rawLostRaces.increment();
                    } catch (TransactionCanceledException conflict) {
                        rawFaults.increment();
                    } catch (DynamoDbException fault) {
                        if (!(fault.isThrottlingException() || fault instanceof TransactionConflictException
                                || fault instanceof TransactionInProgressException || fault.statusCode() >= 500)) {
                            throw fault;
                        }
                        rawFaults.increment();
                    }
                    pause(i);
                }
                busy++;
            }
        }

        private void pause(int attempt) {
            try {
                backoff.sleepAfter(attempt);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }

        @SafeVarargs
        private List<ItemResponse> read(Map<String, AttributeValue>... keys) {
            List<TransactGetItem> gets = Arrays.stream(keys)
                    .map(key -> TransactGetItem.builder().get(g -> g.tableName(table).key(key)).build()).toList();
            return client.transactGetItems(b -> b.transactItems(gets)).responses();
        }

        private static boolean present(ItemResponse response) {
            return response.item() != null && !response.item().isEmpty();
        }

        /** True if written; false if a condition failed; a conflict or throttle is thrown for the loop to count. */
        private boolean write(List<TransactWriteItem> items) {
            long t0 = System.nanoTime();
            try {
                client.transactWriteItems(b -> b.transactItems(items));
                return true;
            } catch (TransactionCanceledException cancelled) {
                List<String> reasons = cancelled.hasCancellationReasons()
                        ? cancelled.cancellationReasons().stream().map(CancellationReason::code).toList() : List.of();
                if (reasons.contains("ConditionalCheckFailed")) {
                    return false;
                }
                throw cancelled;
            } finally {
                rawWriteNanos.add(System.nanoTime() - t0);
            }
        }

        private List<TransactWriteItem> accountPuts(Totals d, Totals newD, Totals c, Totals newC) {
            return List.of(
                    put(accountItem(newD), "#v = :previous", Map.of("#v", "version"), Map.of(":previous", AttributeValue.fromN(Long.toString(d.version())))),
                    put(accountItem(newC), "#v = :previous", Map.of("#v", "version"), Map.of(":previous", AttributeValue.fromN(Long.toString(c.version())))));
        }

        private List<TransactWriteItem> entryPuts(String id, Totals newD, Totals newC, long amount, String at) {
            return List.of(put(entryItem(newD, id, -amount, at), "attribute_not_exists(pk)", Map.of(), Map.of()),
                    put(entryItem(newC, id, amount, at), "attribute_not_exists(pk)", Map.of(), Map.of()));
        }

        private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                                      Map<String, AttributeValue> values) {
            Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition);
            if (!names.isEmpty()) {
                put.expressionAttributeNames(names);
            }
            if (!values.isEmpty()) {
                put.expressionAttributeValues(values);
            }
            return TransactWriteItem.builder().put(put.build()).build();
        }
    }

    // The ledger's item layout (see LedgerTable), written out here so that the baseline stores what the ledger does.

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Tables.PK, AttributeValue.fromS(pk), Tables.SK, AttributeValue.fromS(sk));
    }

    private static Map<String, AttributeValue> accountKey(String account) {
        return key("ACCOUNT#" + account, "ACCOUNT");
    }

    private static Map<String, AttributeValue> transferKey(String id) {
        return key("TRANSFER#" + id, "TRANSFER");
    }

    private static String area(String account) {
        return account.substring(0, account.indexOf('/'));
    }

    private static Map<String, AttributeValue> accountItem(Totals a) {
        String owner = a.id().substring(a.id().indexOf('/') + 1);
        return Items.of(new HashMap<>(accountKey(a.id()))).s("type", "ACCOUNT")
                .s(Tables.indexPk(1), "AREA#" + area(a.id())).s(Tables.indexSk(1), "ACCOUNT#" + owner)
                .s("account", a.id()).s("area", area(a.id())).s("owner", owner).bool("issuing", false)
                .n("debitsPosted", a.debitsPosted()).n("creditsPosted", a.creditsPosted())
                .n("debitsPending", a.debitsPending()).n("creditsPending", a.creditsPending())
                .n("version", a.version()).build();
    }

    private static Map<String, AttributeValue> transferItem(String id, String debit, String credit, long amount, boolean pending,
                                                            String state, long posted, String createdAt, String resolvedAt) {
        Map<String, AttributeValue> item = new HashMap<>(Items.of(new HashMap<>(transferKey(id))).s("type", "TRANSFER")
                .s(Tables.indexPk(1), "AREA#" + area(debit)).s(Tables.indexSk(1), "TRANSFER#" + id)
                .s("id", id).s("area", area(debit)).s("debit", debit).s("credit", credit).n("amount", amount)
                .s("kind", TransferKind.PAYMENT.name()).bool("pending", pending).n("timeoutSeconds", 0)
                .s("createdAt", createdAt).s("state", state).n("postedAmount", posted).s("resolvedAt", resolvedAt)
                .n("revision", "POSTED".equals(state) ? 1 : 0).build());
        // who asked, as the ledger records it: the paying organisation's member
        String owner = debit.substring(debit.indexOf('/') + 1);
        AttributeValue payer = AttributeValue.fromM(Map.of("subject", AttributeValue.fromS("provider-" + area(debit) + "-" + owner),
                "role", AttributeValue.fromS("PROVIDER"), "area", AttributeValue.fromS(area(debit)), "organisation", AttributeValue.fromS(owner)));
        item.put("requestedBy", payer);
        if (resolvedAt != null) {
            item.put("resolvedBy", payer);
        }
        return item;
    }

    private static Map<String, AttributeValue> entryItem(Totals after, String transfer, long amount, String at) {
        String sequence = String.format("%019d", after.version());
        return Items.of(new HashMap<>(key("ACCOUNT#" + after.id(), "ENTRY#" + sequence))).s("type", "ENTRY")
                .s(Tables.indexPk(1), "AREA#" + area(after.id())).s(Tables.indexSk(1), "ENTRY#" + after.id() + "#" + sequence)
                .s("account", after.id()).s("transfer", transfer).n("amount", amount)
                .n("balanceAfter", after.balance()).s("at", at).build();
    }

    // ---------------------------------------------------------------- the check

    /** Invariants in both areas, and the stored transfers are exactly the successful requests. */
    private boolean check() {
        LedgerStore store = context.getBean(LedgerStore.class);
        boolean ok = true;
        for (String area : List.of(AREA, RAW_AREA)) {
            LedgerStore.AreaContents contents = store.contentsOf(area);
            List<String> violations = Invariants.check(contents.accounts(), contents.transfers(), contents.entries());
            Set<String> stored = contents.transfers().stream().filter(t -> t.kind() != TransferKind.ALLOCATION)
                    .map(t -> t.id().value()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> succeeded = new TreeSet<>(area.equals(AREA) ? handlerIds : rawIds);
            long pending = contents.transfers().stream().filter(t -> t.state() == TransferState.PENDING).count();
            long posted = contents.transfers().stream().filter(t -> t.state() == TransferState.POSTED).count();
            long moved = contents.transfers().stream().filter(t -> t.kind() != TransferKind.ALLOCATION).mapToLong(Transfer::postedAmount).sum();
            System.out.printf("%ncheck of area %s (%s): %d accounts, %,d transfers (%,d posted holds, %d pending), %,d entries, %,d credits moved%n",
                    area, area.equals(AREA) ? "handler" : "baseline", contents.accounts().size(), contents.transfers().size(), posted, pending,
                    contents.entries().size(), moved);
            if (violations.isEmpty()) {
                System.out.println("  invariants: all hold");
            } else {
                ok = false;
                System.out.println("  INVARIANTS BROKEN (" + violations.size() + "):");
                violations.stream().limit(20).forEach(v -> System.out.println("    " + v));
            }
            if (stored.equals(succeeded)) {
                System.out.printf("  stored transfers = successful ids: %,d%n", stored.size());
            } else {
                ok = false;
                Set<String> missing = new TreeSet<>(succeeded);
                missing.removeAll(stored);
                Set<String> extra = new TreeSet<>(stored);
                extra.removeAll(succeeded);
                System.out.printf("  TRANSFERS DO NOT MATCH: %,d stored, %,d succeeded; missing %s; unexpected %s%n", stored.size(),
                        succeeded.size(), missing.stream().limit(10).toList(), extra.stream().limit(10).toList());
            }
            if (pending != 0) {
                ok = false;
                System.out.println("  HOLDS LEFT PENDING: every hold was posted");
            }
        }
        return ok;
    }

    // ---------------------------------------------------------------- output

    private void table(Map<Integer, List<Run>> handlerRuns, Map<Integer, List<Run>> rawRuns, int seconds, int runs) {
        System.out.printf("%nMedians of %d runs of %d s each (requests: 9 payments in 10 operations, else a hold then its post)%n%n", runs, seconds);
        System.out.println("| threads | handler req/s | raw req/s | handler ÷ raw (throughput) | handler p50 / p99 ms | raw p50 / p99 ms "
                + "| handler ÷ raw (p50) | handler attempts / lost races per req | raw attempts / lost races per req | 503s (handler / raw give-ups) "
                + "| CPU ms per req, handler / raw |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int threads : THREADS) {
            List<Run> h = handlerRuns.get(threads);
            List<Run> r = rawRuns.get(threads);
            double hRate = median(h.stream().mapToDouble(Run::perSecond).toArray());
            double rRate = median(r.stream().mapToDouble(Run::perSecond).toArray());
            double hP50 = median(h.stream().mapToDouble(x -> x.p50() / 1e6).toArray());
            double rP50 = median(r.stream().mapToDouble(x -> x.p50() / 1e6).toArray());
            System.out.printf("| %d | %.0f | %.0f | %.2fx | %.1f / %.1f | %.1f / %.1f | %.2fx | %.2f / %.2f | %.2f / %.2f | %d / %d | %.1f / %.1f |%n",
                    threads, hRate, rRate, hRate / rRate, hP50, median(h.stream().mapToDouble(x -> x.p99() / 1e6).toArray()),
                    rP50, median(r.stream().mapToDouble(x -> x.p99() / 1e6).toArray()), hP50 / rP50,
                    median(h.stream().mapToDouble(x -> (double) x.attempts() / x.requests()).toArray()),
                    median(h.stream().mapToDouble(x -> (double) x.lostRaces() / x.requests()).toArray()),
                    median(r.stream().mapToDouble(x -> (double) x.attempts() / x.requests()).toArray()),
                    median(r.stream().mapToDouble(x -> (double) x.lostRaces() / x.requests()).toArray()),
                    h.stream().mapToLong(Run::busy).sum(), r.stream().mapToLong(Run::busy).sum(),
                    median(h.stream().mapToDouble(Run::cpuPerRequest).toArray()), median(r.stream().mapToDouble(Run::cpuPerRequest).toArray()));
        }
        System.out.println();
        for (int threads : THREADS) {
            System.out.printf("runs at %2d threads, req/s: handler %s; raw %s%n", threads,
                    handlerRuns.get(threads).stream().map(x -> String.format("%.0f", x.perSecond())).toList(),
                    rawRuns.get(threads).stream().map(x -> String.format("%.0f", x.perSecond())).toList());
        }
        for (int threads : THREADS) {
            List<Run> r = rawRuns.get(threads);
            System.out.printf("raw at %2d threads, per attempt (median of runs): TransactGetItems %.2f ms, TransactWriteItems %.2f ms%n", threads,
                    median(r.stream().mapToDouble(x -> x.readNanos() / 1e6 / x.attempts()).toArray()),
                    median(r.stream().mapToDouble(x -> x.writeNanos() / 1e6 / x.attempts()).toArray()));
        }
        System.out.printf("faults (retryable store errors, all runs): handler %d, raw %d%n",
                handlerRuns.values().stream().flatMap(List::stream).mapToLong(Run::faults).sum(),
                rawRuns.values().stream().flatMap(List::stream).mapToLong(Run::faults).sum());
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** A flat JSON object of strings, numbers and booleans, from name-value pairs. */
    private static String json(Object... pairs) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":");
            Object v = pairs[i + 1];
            out.append(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v));
        }
        return out.append('}').toString();
    }
}
