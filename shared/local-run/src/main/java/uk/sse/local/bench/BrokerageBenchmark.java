package uk.sse.local.bench;

import io.micronaut.context.ApplicationContext;
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
import uk.sse.local.LocalStack;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Runs alternate (which goes first alternating too); each run raises for the demo area's schools in turn; medians of
 * the runs are reported. Usage: BrokerageBenchmark [RAISES_PER_RUN (default 100)] [RUNS (default 5)]
 */
public final class BrokerageBenchmark {

    /** The adviser the baseline's directory calls act for (the service's token is the authority). */
    private static final uk.sse.kernel.identity.Caller ADVISER = new uk.sse.kernel.identity.Caller("bench-adviser", Role.ADVISER, "888", null);


    public static void main(String[] args) throws Exception {
        int perRun = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long started = System.nanoTime();
        try (LocalStack stack = LocalStack.start(new String[0], Map.of("micronaut.server.port", -1))) {
            System.out.printf("local stack ready in %.1f s; %d cores, JDK %s%n", (System.nanoTime() - started) / 1e9,
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            String area = stack.demo().demoArea();
            List<String> schools = stack.demo().providers().stream().filter(p -> p.area().equals(area) && p.type() == ProviderType.SCHOOL)
                    .map(Provider::id).toList();
            String adviser = "Bearer " + stack.token(Role.ADVISER);
            try (LambdaInstance brokerage = new LambdaInstance(ApplicationContext.builder().environments("bench").properties(handlerSettings(stack)).start())) {
                Directory directory = brokerage.context().getBean(HttpDirectory.class);
                DynamoDbClient dynamo = brokerage.context().getBean(DynamoDbClient.class);
                String table = brokerage.context().getBean(BrokerageSettings.class).tableName();
                Map<String, AttributeValue> item = sizedLike(brokerage.send("POST", "/requests", adviser, need(schools.get(0)),
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
                            ms[i] = handlerTurn ? raise(brokerage, adviser, urn) : baseline(directory, dynamo, table, item, adviser, urn);
                        }
                        (handlerTurn ? handler : base).add(ms);
                    }
                    System.out.printf("run %d: handler median %.1f ms p99 %.1f ms; baseline median %.1f ms p99 %.1f ms%n", run + 1,
                            Stats.median(handler.get(run)), Stats.percentile(handler.get(run), 99),
                            Stats.median(base.get(run)), Stats.percentile(base.get(run), 99));
                }
                double hMedian = Stats.median(handler.stream().mapToDouble(Stats::median).toArray());
                double hP99 = Stats.median(handler.stream().mapToDouble(r -> Stats.percentile(r, 99)).toArray());
                double bMedian = Stats.median(base.stream().mapToDouble(Stats::median).toArray());
                double bP99 = Stats.median(base.stream().mapToDouble(r -> Stats.percentile(r, 99)).toArray());
                System.out.printf("%n| raises per run x runs | handler median / p99 | baseline median / p99 | handler / baseline (median, p99) |%n");
                System.out.printf("|---|---|---|---|%n| %d x %d | %.1f / %.1f ms | %.1f / %.1f ms | %.2fx, %.2fx |%n",
                        perRun, runs, hMedian, hP99, bMedian, bP99, hMedian / bMedian, hP99 / bP99);
            }
        }
    }

    /** The brokerage's own context, as its Lambda has it: the stack's table, signing key, and its server for the directory. */
    private static Map<String, Object> handlerSettings(LocalStack stack) {
        Map<String, Object> p = new HashMap<>();
        for (String key : List.of("sse.aws.endpoint", "micronaut.security.token.jwt.signatures.secret.generator.secret")) {
            p.put(key, stack.context().getRequiredProperty(key, String.class));
        }
        p.put("sse.brokerage.table-name", stack.context().getBean(BrokerageSettings.class).tableName());
        p.put("sse.brokerage.directory-url", stack.url());
        p.put("sse.brokerage.ledger-url", stack.url());
        return p;
    }

    private static Map<String, Object> need(String urn) {
        return Map.of("urn", urn, "areasOfSupport", List.of("CT.READ", "INC.SEND"), "urgency", "HIGH", "daysWanted", 3,
                "need", "Phonics screening pass rate fell to 62% and the SENCo wants help with the provision map.",
                "wantedBy", LocalDate.now().plusWeeks(6).toString(), "credits", 20);
    }

    private static double raise(LambdaInstance brokerage, String adviser, String urn) {
        long t = System.nanoTime();
        Api.Reply reply = brokerage.send("POST", "/requests", adviser, need(urn), Map.of("idempotency-key", UUID.randomUUID().toString()));
        double ms = (System.nanoTime() - t) / 1e6;
        if (reply.status() != 201 || !"false".equals(reply.header("Suggestions-Unavailable"))) {
            throw new IllegalStateException("a raise failed: " + reply.status() + " " + reply.body());
        }
        return ms;
    }

    private static double baseline(Directory directory, DynamoDbClient dynamo, String table, Map<String, AttributeValue> item,
                                   String adviser, String urn) {
        long t = System.nanoTime();
        if (!(directory.school(ADVISER, urn) instanceof Lookup.Found<Directory.School> school)
                || !(directory.suggest(ADVISER, school.value(), List.of("CT.READ", "INC.SEND"), 2 * Brokerage.MAX_SUGGESTIONS) instanceof Lookup.Found<?>)) {
            throw new IllegalStateException("the directory did not answer for " + urn);
        }
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.put("pk", AttributeValue.fromS("BENCH#" + UUID.randomUUID()));
        dynamo.putItem(b -> b.tableName(table).item(copy).conditionExpression("attribute_not_exists(pk)"));
        return (System.nanoTime() - t) / 1e6;
    }

    /** An item as large as the stored request: its JSON answer as one attribute. */
    private static Map<String, AttributeValue> sizedLike(Api.Reply raised) {
        return Map.of("pk", AttributeValue.fromS("BENCH"), "sk", AttributeValue.fromS("REQUEST"), "body", AttributeValue.fromS(raised.body()));
    }
}
