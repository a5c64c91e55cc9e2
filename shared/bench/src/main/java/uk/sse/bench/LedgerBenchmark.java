package uk.sse.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import uk.sse.engines.Engines;
import uk.sse.kernel.identity.IdentitySettings;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.ledger.application.ApplyCommand;
import uk.sse.ledger.application.LedgerBusy;
import uk.sse.ledger.application.LedgerStore;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Command;
import uk.sse.ledger.model.Invariants;
import uk.sse.ledger.model.Requester;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferKind;
import uk.sse.ledger.model.TransferState;

/**
 * The ledger's transfers under contention, on DynamoDB Local in this JVM: a few accounts in one area
 * (its issuing account, four schools, two providers, all funded by allocations) and 1, 4 and 16 threads
 * moving credits between random pairs of them, timed two ways in the same run on the same table:
 * <ol>
 *   <li>the ledger's Lambda handler ({@code APIGatewayV2HTTPEventFunction}) called in process with API Gateway v2
 *       events carrying the paying organisation's signed token (only a payer pays, holds and posts): JWT and claim
 *       checks, the edge's checks of the body, binding and validation, {@code MoveCredits} /
 *       {@code ResolveHold}, {@code ApplyCommand}'s read, apply, conditional write and retries, JSON out;</li>
 *   <li>the baseline: the same commands handed straight to the ledger's own {@code ApplyCommand} (its store's read,
 *       the model, the conditional TransactWriteItems with the events, its backoff), in a second area of the same
 *       table: what the handler adds is the difference.</li>
 * </ol>
 * Nine operations in ten are single-phase PAYMENTs; the tenth is a hold followed by its post (all or part). Each
 * request has an id of its own; a 503 (the ledger gave up after its attempts) is sent again with the same id, as a
 * client would (the baseline: after ApplyCommand gives up). Handler and baseline runs alternate, which goes first
 * alternating too; medians are reported.
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
    private final String table;
    /** Each paying organisation's token: only a payer pays, holds and posts its credits. */
    private final Map<String, String> payers = new HashMap<>();

    private final Map<String, String> holdDebits = new ConcurrentHashMap<>();
    private final Set<String> handlerIds = ConcurrentHashMap.newKeySet();
    private final Set<String> rawIds = ConcurrentHashMap.newKeySet();
    private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private LedgerBenchmark(String endpoint) {
        this.table = "ledger-bench-" + UUID.randomUUID().toString().substring(0, 8);
        // and the web's settings (LocalWeb): the web's beans are on this classpath too
        this.context = ApplicationContext.builder()
                .properties(uk.sse.local.LocalWeb.settings(0))
                .properties(Map.of(
                        "sse.aws.endpoint",
                        endpoint,
                        "sse.aws.create-tables",
                        "true",
                        "sse.ledger.table-name",
                        table,
                        SECRET,
                        "benchmark-secret-that-is-long-enough-0123456789"))
                .start();
        this.handler = new APIGatewayV2HTTPEventFunction(context);
        this.counters = context.getBean(ApplyCommand.class).counters();
        for (String owner : OWNERS) {
            payers.put(AREA + "/" + owner, bearer(Role.PROVIDER, AREA, owner));
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            Class.forName("io.micronaut.http.server.netty.NettyHttpServer");
            System.out.println(
                    "micronaut-http-server-netty is on the classpath: JSON bodies would not bind as in the ledger's Lambda "
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
            System.out.printf(
                    "DynamoDB Local and the ledger's context ready in %.1f s; table %s; %d cores, max heap %d MB, JDK %s%n",
                    (System.nanoTime() - started) / 1e9,
                    bench.table,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.version"));
            bench.setUp();
            bench.measure(seconds, runs);
            status = bench.check() ? 0 : 1;
        } catch (Throwable failed) {
            failed.printStackTrace();
            status = 1;
        } finally {
            if (bench != null) {
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
                expect(
                        call(
                                "POST",
                                "/allocations",
                                json("id", "alloc-" + area + "-" + owner, "to", area + "/" + owner, "amount", FUNDS),
                                commissioner),
                        201);
            }
        }
        System.out.printf(
                "areas %s (handler) and %s (baseline): ISSUING + %s, %,d credits allocated to each%n",
                AREA, RAW_AREA, OWNERS, FUNDS);
    }

    // ---------------------------------------------------------------- the runs

    /** One run's figures. */
    record Run(
            int threads,
            long requests,
            double seconds,
            long p50,
            long p99,
            long attempts,
            long lostRaces,
            long faults,
            long busy,
            long cpuNanos) {
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
        Way raw = new Direct();
        int warmUp = Math.min(seconds, 5);
        System.out.printf("warm-up: %d s of each at 4 threads%n", warmUp);
        run(viaHandler, 4, warmUp, "w");
        run(raw, 4, warmUp, "w");
        Map<Integer, List<Run>> handlerRuns = new HashMap<>();
        Map<Integer, List<Run>> rawRuns = new HashMap<>();
        System.out.printf(
                "%d runs of %d s per way and thread count, handler and baseline alternating%n", runs, seconds);
        System.out.println(
                "run threads way        req/s   p50 ms  p99 ms  attempts/req  lost/req  faults  503s  cpu ms/req");
        for (int r = 0; r < runs; r++) {
            for (int threads : THREADS) {
                boolean handlerFirst = (r + threads) % 2 == 0;
                for (Way way : handlerFirst ? List.of(viaHandler, raw) : List.of(raw, viaHandler)) {
                    Run result = run(way, threads, seconds, "r" + r);
                    (way == viaHandler ? handlerRuns : rawRuns)
                            .computeIfAbsent(threads, t -> new ArrayList<>())
                            .add(result);
                    System.out.printf(
                            "%3d %7d %-9s %8.0f %8.2f %7.2f %13.3f %9.3f %7d %5d %11.2f%n",
                            r + 1,
                            threads,
                            way.name(),
                            result.perSecond(),
                            result.p50() / 1e6,
                            result.p99() / 1e6,
                            (double) result.attempts() / result.requests(),
                            (double) result.lostRaces() / result.requests(),
                            result.faults(),
                            result.busy(),
                            result.cpuPerRequest());
                }
            }
        }
        table(handlerRuns, rawRuns, seconds, runs);
    }

    /** {@code threads} workers for {@code seconds}; a worker finishes the operation in hand when time is up. */
    private Run run(Way way, int threads, int seconds, String tag) throws Exception {
        // both ways run the ledger's ApplyCommand, one at a time: its counters' change is this run's
        long attempts0 = counters.attempts().sum();
        long lost0 = counters.lostRaces().sum();
        long faults0 = counters.faults().sum();
        long cpu0 = os.getProcessCpuTime();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> done = new ArrayList<>();
        LongAdder busy = new LongAdder();
        long began;
        long ended;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                String prefix = (way instanceof Direct ? "raw" : "fn") + "-" + tag + "-" + threads + "-" + t + "-";
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
            long[] all =
                    latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            long attempts = counters.attempts().sum() - attempts0;
            long lost = counters.lostRaces().sum() - lost0;
            long faults = counters.faults().sum() - faults0;
            return new Run(
                    threads,
                    all.length,
                    (ended - began) / 1e9,
                    percentile(all, 50),
                    percentile(all, 99),
                    attempts,
                    lost,
                    faults,
                    busy.sum(),
                    cpu);
        }
    }

    /** Requests until the deadline; returns each request's time from first send to its success, in ns. */
    private long[] worker(Way way, String prefix, long seed, long deadline, LongAdder busy) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] times = new long[1024];
        int n = 0;
        int sequence = 0;
        String area = way instanceof Direct ? RAW_AREA : AREA;
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
            (way instanceof Direct ? rawIds : handlerIds).add(id);
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
            String body = pending
                    ? json(
                            "id", id, "debit", debit, "credit", credit, "amount", amount, "kind", "PAYMENT", "pending",
                            true)
                    : json("id", id, "debit", debit, "credit", credit, "amount", amount, "kind", "PAYMENT");
            if (pending) {
                holdDebits.put(id, debit);
            }
            return untilDone("POST", "/transfers", body, 201, payers.get(debit));
        }

        @Override
        public int post(String id, long amount) {
            return untilDone(
                    "POST", "/transfers/" + id + "/post", json("amount", amount), 200, payers.get(holdDebits.get(id)));
        }

        private int untilDone(String method, String path, String body, int expected, String payer) {
            for (int busy = 0; ; busy++) {
                APIGatewayV2HTTPResponse r = call(method, path, body, payer);
                if (r.getStatusCode() != 503) {
                    if (r.getStatusCode() != expected) {
                        throw new IllegalStateException("the handler answered " + r.getStatusCode() + ", not "
                                + expected + ", to " + method + " " + path + " " + body + ": " + r.getBody());
                    }
                    return busy;
                }
            }
        }
    }

    private APIGatewayV2HTTPResponse call(String method, String path, String body, String bearer) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(Map.of("authorization", bearer, "content-type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(path)
                                .build())
                        .withRequestId("bench")
                        .build())
                .build();
        return handler.handleRequest(event, null);
    }

    private static void expect(APIGatewayV2HTTPResponse r, int status) {
        if (r.getStatusCode() != status) {
            throw new IllegalStateException(
                    "the handler answered " + r.getStatusCode() + ", not " + status + ": " + r.getBody());
        }
    }

    private String bearer(Role role, String area, String organisation) {
        Map<String, Object> claims = TokenClaims.person(
                context.getBean(IdentitySettings.class),
                role.name().toLowerCase(Locale.ROOT) + "-" + area + "-" + organisation,
                role,
                area,
                organisation,
                java.time.Duration.ofHours(6));
        return "Bearer "
                + context.getBean(JwtTokenGenerator.class).generateToken(claims).orElseThrow();
    }

    // ---------------------------------------------------------------- the baseline: the ledger's own code, without the
    // edge

    /**
     * Each command as the ledger's use cases carry it out, called directly: the ledger's own {@link ApplyCommand} (its
     * read through the ledger's store, the model's arithmetic, the one conditional TransactWriteItems with the events,
     * its backoff), with no Lambda event, token, binding, policy check or JSON. The handler's cost is the difference.
     */
    final class Direct implements Way {
        private final ApplyCommand apply = context.getBean(ApplyCommand.class);
        private final LedgerStore store = context.getBean(LedgerStore.class);

        @Override
        public String name() {
            return "direct";
        }

        @Override
        public int create(String id, String debit, String credit, long amount, boolean pending) {
            Command.CreateTransfer command = new Command.CreateTransfer(
                    new TransferId(id),
                    new AccountId(debit),
                    new AccountId(credit),
                    amount,
                    TransferKind.PAYMENT,
                    "",
                    pending,
                    0,
                    payer(debit),
                    Instant.now());
            return untilAnswered(() -> apply.apply(
                    () -> store.read(List.of(command.id()), List.of(command.debit(), command.credit())), command));
        }

        @Override
        public int post(String id, long posted) {
            // ResolveHold reads the hold once first (to check who may post it), then loops on ApplyCommand
            Transfer hold = store.transfer(new TransferId(id)).orElseThrow();
            Command.PostPending command = new Command.PostPending(
                    hold.id(), OptionalLong.of(posted), payer(hold.debit().value()), Instant.now());
            return untilAnswered(() ->
                    apply.apply(() -> store.read(List.of(hold.id()), List.of(hold.debit(), hold.credit())), command));
        }

        /** The paying organisation's member, as the handler records who asked. */
        private Requester payer(String account) {
            String area = account.substring(0, account.indexOf('/'));
            String owner = account.substring(account.indexOf('/') + 1);
            return Requester.person("provider-" + area + "-" + owner, Role.PROVIDER.name(), area, owner);
        }

        /** As a client after a 503: the command again until the ledger settles it; how many times the ledger gave up. */
        private int untilAnswered(Supplier<Result> once) {
            for (int busy = 0; ; busy++) {
                try {
                    Result result = once.get();
                    if (result instanceof Result.Refused refused) {
                        throw new IllegalStateException("the ledger refused: " + refused.message());
                    }
                    return busy;
                } catch (LedgerBusy gaveUp) {
                    // sent again, with the same id
                }
            }
        }
    }

    // ---------------------------------------------------------------- the check

    /** Invariants in both areas, and the stored transfers are exactly the successful requests. */
    private boolean check() {
        LedgerStore store = context.getBean(LedgerStore.class);
        boolean ok = true;
        for (String area : List.of(AREA, RAW_AREA)) {
            LedgerStore.AreaContents contents = store.contentsOf(area);
            List<String> violations = Invariants.check(contents.accounts(), contents.transfers(), contents.entries());
            Set<String> stored = contents.transfers().stream()
                    .filter(t -> t.kind() != TransferKind.ALLOCATION)
                    .map(t -> t.id().value())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> succeeded = new TreeSet<>(area.equals(AREA) ? handlerIds : rawIds);
            long pending = contents.transfers().stream()
                    .filter(t -> t.state() == TransferState.PENDING)
                    .count();
            long posted = contents.transfers().stream()
                    .filter(t -> t.state() == TransferState.POSTED)
                    .count();
            long moved = contents.transfers().stream()
                    .filter(t -> t.kind() != TransferKind.ALLOCATION)
                    .mapToLong(Transfer::postedAmount)
                    .sum();
            System.out.printf(
                    "%ncheck of area %s (%s): %d accounts, %,d transfers (%,d posted holds, %d pending), %,d entries, %,d credits moved%n",
                    area,
                    area.equals(AREA) ? "handler" : "baseline",
                    contents.accounts().size(),
                    contents.transfers().size(),
                    posted,
                    pending,
                    contents.entries().size(),
                    moved);
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
                System.out.printf(
                        "  TRANSFERS DO NOT MATCH: %,d stored, %,d succeeded; missing %s; unexpected %s%n",
                        stored.size(),
                        succeeded.size(),
                        missing.stream().limit(10).toList(),
                        extra.stream().limit(10).toList());
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
        System.out.printf(
                "%nMedians of %d runs of %d s each (requests: 9 payments in 10 operations, else a hold then its post)%n%n",
                runs, seconds);
        System.out.println(
                "| threads | handler req/s | direct req/s | handler ÷ direct (throughput) | handler p50 / p99 ms | direct p50 / p99 ms "
                        + "| handler ÷ direct (p50) | handler attempts / lost races per req | direct attempts / lost races per req | 503s (handler / direct give-ups) "
                        + "| CPU ms per req, handler / direct |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int threads : THREADS) {
            List<Run> h = handlerRuns.get(threads);
            List<Run> r = rawRuns.get(threads);
            double hRate = median(h.stream().mapToDouble(Run::perSecond).toArray());
            double rRate = median(r.stream().mapToDouble(Run::perSecond).toArray());
            double hP50 = median(h.stream().mapToDouble(x -> x.p50() / 1e6).toArray());
            double rP50 = median(r.stream().mapToDouble(x -> x.p50() / 1e6).toArray());
            System.out.printf(
                    "| %d | %.0f | %.0f | %.2fx | %.1f / %.1f | %.1f / %.1f | %.2fx | %.2f / %.2f | %.2f / %.2f | %d / %d | %.1f / %.1f |%n",
                    threads,
                    hRate,
                    rRate,
                    hRate / rRate,
                    hP50,
                    median(h.stream().mapToDouble(x -> x.p99() / 1e6).toArray()),
                    rP50,
                    median(r.stream().mapToDouble(x -> x.p99() / 1e6).toArray()),
                    hP50 / rP50,
                    median(h.stream()
                            .mapToDouble(x -> (double) x.attempts() / x.requests())
                            .toArray()),
                    median(h.stream()
                            .mapToDouble(x -> (double) x.lostRaces() / x.requests())
                            .toArray()),
                    median(r.stream()
                            .mapToDouble(x -> (double) x.attempts() / x.requests())
                            .toArray()),
                    median(r.stream()
                            .mapToDouble(x -> (double) x.lostRaces() / x.requests())
                            .toArray()),
                    h.stream().mapToLong(Run::busy).sum(),
                    r.stream().mapToLong(Run::busy).sum(),
                    median(h.stream().mapToDouble(Run::cpuPerRequest).toArray()),
                    median(r.stream().mapToDouble(Run::cpuPerRequest).toArray()));
        }
        System.out.println();
        for (int threads : THREADS) {
            System.out.printf(
                    "runs at %2d threads, req/s: handler %s; direct %s%n",
                    threads,
                    handlerRuns.get(threads).stream()
                            .map(x -> String.format("%.0f", x.perSecond()))
                            .toList(),
                    rawRuns.get(threads).stream()
                            .map(x -> String.format("%.0f", x.perSecond()))
                            .toList());
        }
        System.out.printf(
                "faults (retryable store errors, all runs): handler %d, direct %d%n",
                handlerRuns.values().stream()
                        .flatMap(List::stream)
                        .mapToLong(Run::faults)
                        .sum(),
                rawRuns.values().stream()
                        .flatMap(List::stream)
                        .mapToLong(Run::faults)
                        .sum());
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
