package uk.sse.bench;

import io.micronaut.context.ApplicationContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.brokerage.BrokerageSettings;
import uk.sse.brokerage.application.Directory;
import uk.sse.brokerage.application.Lookup;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.remote.HttpDirectory;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.identity.Role;
import uk.sse.local.LocalSystem;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;

/**
 * Request to stored suggestions: how long an adviser waits from sending a request on a school visit to having it
 * raised with the directory's suggestions, on the local stack (DynamoDB Local, the OpenSearch node, the demo directory
 * of about 400 offers), timed two ways in the same run:
 * <ol>
 *   <li>the brokerage's Lambda handler called in process with API Gateway v2 events and a signed ADVISER token: JWT
 *       check, validation, the Idempotency-Key look-up, the school's look-up and the search over HTTP (the directory's
 *       handler on the local server), the model, and one TransactWriteItems of the request, its event and the key;</li>
 *   <li>the baseline: the same two directory calls made by the same HTTP adapter, then one PutItem of an item of the
 *       same size: the work a raise cannot do without.</li>
 * </ol>
 * Then the agreement: how long an adviser waits for an accepted proposal to be agreed, the school's credits held, again
 * two ways: the handler (the model, the hold placed at the ledger over HTTP by the brokerage as itself, with its service
 * token and the adviser named, and one TransactWriteItems of the request, its event and the held-engagement pointer),
 * and the baseline: the same hold placed by the same HTTP adapter, then one conditional PutItem of an item of the
 * request's size. The accepted requests are made beforehand through the handler (raised, proposed one of the demo
 * area's approved offers for 1 credit, accepted by its provider); the schools are given credits for them.
 * Runs alternate (which goes first alternating too); each run raises for the demo area's schools in turn; medians of
 * the runs are reported. Usage: BrokerageBenchmark [RAISES_PER_RUN (default 100)] [RUNS (default 5)]
 */
public final class BrokerageBenchmark {

    /** The adviser the baseline's directory calls act for (the service's token is the authority). */
    private static final uk.sse.kernel.identity.Caller ADVISER =
            new uk.sse.kernel.identity.Caller("bench-adviser", Role.ADVISER, "888", null);

    public static void main(String[] args) {
        BenchmarkMain.exitAfter(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int perRun = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long started = System.nanoTime();
        try (LocalSystem stack = LocalSystem.start(new String[0], Map.of("micronaut.server.port", -1))) {
            System.out.printf(
                    "local stack ready in %.1f s; %d cores, JDK %s%n",
                    (System.nanoTime() - started) / 1e9, Runtime.getRuntime().availableProcessors(), Runtime.version());
            String area = stack.demo().demoArea();
            List<String> schools = stack.demo().providers().stream()
                    .filter(p -> p.area().equals(area) && p.type() == ProviderType.SCHOOL)
                    .map(Provider::id)
                    .toList();
            String adviser = "Bearer " + stack.token(Role.ADVISER);
            try (LambdaInstance brokerage = new LambdaInstance(ApplicationContext.builder()
                    .environments("bench")
                    .properties(handlerSettings(stack))
                    .start())) {
                Directory directory = brokerage.context().getBean(HttpDirectory.class);
                DynamoDbClient dynamo = brokerage.context().getBean(DynamoDbClient.class);
                String table =
                        brokerage.context().getBean(BrokerageSettings.class).tableName();
                Map<String, AttributeValue> item = sizedLike(brokerage.send(
                        "POST",
                        "/requests",
                        adviser,
                        need(schools.get(0)),
                        Map.of("idempotency-key", UUID.randomUUID().toString())));
                for (int i = 0; i < 20; i++) { // warm both paths
                    raise(brokerage, adviser, schools.get(i % schools.size()));
                    baseline(directory, dynamo, table, item, adviser, schools.get(i % schools.size()));
                }
                List<double[]> handler = new ArrayList<>();
                List<double[]> base = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    for (int turn = 0; turn < 2; turn++) {
                        boolean handlerTurn = (run + turn) % 2 == 0;
                        double[] ms = new double[perRun];
                        for (int i = 0; i < perRun; i++) {
                            String urn = schools.get((run * perRun + i) % schools.size());
                            ms[i] = handlerTurn
                                    ? raise(brokerage, adviser, urn)
                                    : baseline(directory, dynamo, table, item, adviser, urn);
                        }
                        (handlerTurn ? handler : base).add(ms);
                    }
                    System.out.printf(
                            "run %d: handler median %.1f ms p99 %.1f ms; baseline median %.1f ms p99 %.1f ms%n",
                            run + 1,
                            Stats.median(handler.get(run)),
                            Stats.percentile(handler.get(run), 99),
                            Stats.median(base.get(run)),
                            Stats.percentile(base.get(run), 99));
                }
                String raises = row("raise", perRun, runs, handler, base);
                String agreements = agreements(stack, brokerage, dynamo, table, item, schools, perRun, runs);
                System.out.printf(
                        "%n| step | per run x runs | handler median / p99 | baseline median / p99 | handler / baseline (median, p99) |%n");
                System.out.printf("|---|---|---|---|---|%n%s%n%s%n", raises, agreements);
            }
        }
    }

    private static String row(String step, int perRun, int runs, List<double[]> handler, List<double[]> base) {
        double hMedian =
                Stats.median(handler.stream().mapToDouble(Stats::median).toArray());
        double hP99 = Stats.median(
                handler.stream().mapToDouble(r -> Stats.percentile(r, 99)).toArray());
        double bMedian = Stats.median(base.stream().mapToDouble(Stats::median).toArray());
        double bP99 = Stats.median(
                base.stream().mapToDouble(r -> Stats.percentile(r, 99)).toArray());
        return String.format(
                "| %s | %d x %d | %.1f / %.1f ms | %.1f / %.1f ms | %.2fx, %.2fx |",
                step, perRun, runs, hMedian, hP99, bMedian, bP99, hMedian / bMedian, hP99 / bP99);
    }

    /** Agreements timed through the handler and against the baseline (the hold and a put), alternating by run. */
    private static String agreements(
            LocalSystem stack,
            LambdaInstance brokerage,
            DynamoDbClient dynamo,
            String table,
            Map<String, AttributeValue> item,
            List<String> schools,
            int perRun,
            int runs) {
        String area = stack.demo().demoArea();
        String adviser = "Bearer " + stack.token(Role.ADVISER);
        String broker = "Bearer " + stack.token(Role.BROKER);
        String commissioner = "Bearer " + stack.token(Role.COMMISSIONER);
        uk.sse.brokerage.application.Ledger ledger =
                brokerage.context().getBean(uk.sse.brokerage.remote.HttpLedger.class);
        // credits enough for every hold, handler's and baseline's
        fund(stack, commissioner, area, schools);
        int needed = perRun * runs + 10;
        List<String[]> accepted = new ArrayList<>(); // request id, school, provider of the offer
        System.out.printf("preparing %d accepted requests...%n", needed);
        for (int i = 0; i < needed; i++) {
            String urn = schools.get(i % schools.size());
            uk.sse.directory.model.Offer offer = offerNotFrom(stack, urn, i);
            String key = UUID.randomUUID().toString();
            Api.Reply raised = resentWhileBusy(
                    () -> brokerage.send("POST", "/requests", adviser, need(urn), Map.of("idempotency-key", key)));
            String id = (String) expect(raised, 201).map().get("id");
            expect(
                    resentWhileBusy(() -> brokerage.post(
                            "/requests/" + id + "/proposals",
                            broker,
                            Map.of(
                                    "version",
                                    1,
                                    "offers",
                                    List.of(Map.of("offerId", offer.id(), "days", 1, "credits", 1))))),
                    200);
            expect(
                    resentWhileBusy(() -> brokerage.post(
                            "/requests/" + id + "/proposals/P1/accept",
                            "Bearer " + stack.token(Role.PROVIDER, offer.providerId()),
                            Map.of("version", 2))),
                    200);
            accepted.add(new String[] {id, urn, offer.providerId()});
        }
        for (int i = 0; i < 10; i++) { // warm both paths
            agree(brokerage, adviser, accepted.get(i)[0]);
            hold(ledger, dynamo, table, item, area, accepted.get(i));
        }
        List<double[]> handler = new ArrayList<>();
        List<double[]> base = new ArrayList<>();
        int next = 10;
        for (int run = 0; run < runs; run++) {
            for (int turn = 0; turn < 2; turn++) {
                boolean handlerTurn = (run + turn) % 2 == 0;
                double[] ms = new double[perRun];
                for (int i = 0; i < perRun; i++) {
                    String[] request = accepted.get(handlerTurn ? next + i : next + (i + perRun / 2) % perRun);
                    ms[i] = handlerTurn
                            ? agree(brokerage, adviser, request[0])
                            : hold(ledger, dynamo, table, item, area, request);
                }
                (handlerTurn ? handler : base).add(ms);
            }
            next += perRun;
            System.out.printf(
                    "agree run %d: handler median %.1f ms p99 %.1f ms; baseline median %.1f ms p99 %.1f ms%n",
                    run + 1,
                    Stats.median(handler.get(run)),
                    Stats.percentile(handler.get(run), 99),
                    Stats.median(base.get(run)),
                    Stats.percentile(base.get(run), 99));
        }
        return row("agree", perRun, runs, handler, base);
    }

    /** The stack's ledger (on its own port) gives each school 1,000 credits more. */
    private static void fund(LocalSystem stack, String commissioner, String area, List<String> schools) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String urn : schools) {
            String body =
                    "{\"id\":\"bench-" + UUID.randomUUID() + "\",\"to\":\"" + area + "/" + urn + "\",\"amount\":1000}";
            try {
                var reply = http.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.url() + "/allocations"))
                                .header("Authorization", commissioner)
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() != 201) {
                    throw new IllegalStateException("funding " + urn + ": " + reply.statusCode() + " " + reply.body());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An approved offer of the demo area from a provider other than the school, a different one in turn. */
    private static uk.sse.directory.model.Offer offerNotFrom(LocalSystem stack, String urn, int turn) {
        List<uk.sse.directory.model.Offer> offers = stack.demo().offers().stream()
                .filter(o -> o.area().equals(stack.demo().demoArea())
                        && o.visibleToAdvisers(LocalDate.now())
                        && !o.providerId().equals(urn))
                .toList();
        return offers.get(turn % offers.size());
    }

    private static double agree(LambdaInstance brokerage, String adviser, String id) {
        long t = System.nanoTime();
        Api.Reply reply = brokerage.post("/requests/" + id + "/proposals/P1/agree", adviser, Map.of("version", 3));
        double ms = (System.nanoTime() - t) / 1e6;
        expect(reply, 200);
        return ms;
    }

    /** The baseline of an agreement: the hold placed by the same adapter, then one conditional put of a request-sized item. */
    private static double hold(
            uk.sse.brokerage.application.Ledger ledger,
            DynamoDbClient dynamo,
            String table,
            Map<String, AttributeValue> item,
            String area,
            String[] request) {
        long t = System.nanoTime();
        var answer = ledger.carry(
                ADVISER,
                new uk.sse.brokerage.model.LedgerEffect.PlaceHold(
                        "brk:bench-" + UUID.randomUUID().toString().substring(0, 20) + ".P1.v3",
                        area + "/" + request[1],
                        area + "/" + request[2],
                        1,
                        "benchmark baseline"));
        if (!(answer instanceof uk.sse.brokerage.application.Ledger.Answer.Done)) {
            throw new IllegalStateException("the baseline's hold was not placed: " + answer);
        }
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.put("pk", AttributeValue.fromS("BENCH#" + UUID.randomUUID()));
        dynamo.putItem(b -> b.tableName(table).item(copy).conditionExpression("attribute_not_exists(pk)"));
        return (System.nanoTime() - t) / 1e6;
    }

    /**
     * Preparing the agreements is not timed: a 503 (the ledger or the store busy on a loaded machine) is sent again, as a
     * client would after its Retry-After, a few times; the same idempotency key or version makes that safe.
     */
    private static Api.Reply resentWhileBusy(java.util.function.Supplier<Api.Reply> send) {
        Api.Reply reply = send.get();
        for (int attempt = 1; reply.status() == 503 && attempt < 5; attempt++) {
            try {
                Thread.sleep(1_000L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
            reply = send.get();
        }
        return reply;
    }

    private static Api.Reply expect(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    /** The brokerage's own context, as its Lambda has it: the stack's table, signing key, and its server for the directory. */
    private static Map<String, Object> handlerSettings(LocalSystem stack) {
        Map<String, Object> p = new HashMap<>();
        for (String key :
                List.of("sse.aws.endpoint", "micronaut.security.token.jwt.signatures.secret.generator.secret")) {
            p.put(key, stack.context().getRequiredProperty(key, String.class));
        }
        p.put(
                "sse.brokerage.table-name",
                stack.context().getBean(BrokerageSettings.class).tableName());
        p.put("sse.brokerage.directory-url", stack.url());
        p.put("sse.brokerage.ledger-url", stack.url());
        // this run's one classpath holds the web's beans too, whose filters every context serving HTTP builds
        p.putAll(uk.sse.local.LocalWeb.settings(0));
        return p;
    }

    private static Map<String, Object> need(String urn) {
        return Map.of(
                "urn",
                urn,
                "areasOfSupport",
                List.of("CT.READ", "INC.SEND"),
                "urgency",
                "HIGH",
                "daysWanted",
                3,
                "need",
                "Phonics screening pass rate fell to 62% and the SENCo wants help with the provision map.",
                "wantedBy",
                LocalDate.now().plusWeeks(6).toString(),
                "credits",
                20);
    }

    private static double raise(LambdaInstance brokerage, String adviser, String urn) {
        long t = System.nanoTime();
        Api.Reply reply = brokerage.send(
                "POST",
                "/requests",
                adviser,
                need(urn),
                Map.of("idempotency-key", UUID.randomUUID().toString()));
        double ms = (System.nanoTime() - t) / 1e6;
        if (reply.status() != 201 || !"false".equals(reply.header("Suggestions-Unavailable"))) {
            throw new IllegalStateException("a raise failed: " + reply.status() + " " + reply.body());
        }
        return ms;
    }

    private static double baseline(
            Directory directory,
            DynamoDbClient dynamo,
            String table,
            Map<String, AttributeValue> item,
            String adviser,
            String urn) {
        long t = System.nanoTime();
        if (!(directory.school(ADVISER, urn) instanceof Lookup.Found<Directory.School> school)
                || !(directory.suggest(
                                ADVISER, school.value(), List.of("CT.READ", "INC.SEND"), 2 * Brokerage.MAX_SUGGESTIONS)
                        instanceof Lookup.Found<?>)) {
            throw new IllegalStateException("the directory did not answer for " + urn);
        }
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.put("pk", AttributeValue.fromS("BENCH#" + UUID.randomUUID()));
        dynamo.putItem(b -> b.tableName(table).item(copy).conditionExpression("attribute_not_exists(pk)"));
        return (System.nanoTime() - t) / 1e6;
    }

    /** An item as large as the stored request: its JSON answer as one attribute. */
    private static Map<String, AttributeValue> sizedLike(Api.Reply raised) {
        return Map.of(
                "pk",
                AttributeValue.fromS("BENCH"),
                "sk",
                AttributeValue.fromS("REQUEST"),
                "body",
                AttributeValue.fromS(raised.body()));
    }
}
