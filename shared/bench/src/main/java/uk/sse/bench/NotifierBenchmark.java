package uk.sse.bench;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.StreamPoller;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.notifier.application.Subscribe;
import uk.sse.notifier.model.Format;
import uk.sse.notifier.model.SigningSecret;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.model.WebhookIds;
import uk.sse.notifier.model.WebhookSignatures;
import uk.sse.notifier.stream.NotifyOnEvents;

/**
 * Fan-out of EVENTS brokerage events to SUBSCRIBERS local receivers (default 1,000 and 10: 10,000 deliveries), timed two
 * ways in the same JVM, alternating, RUNS times:
 * <ol>
 *   <li><b>notifier</b>: the events are written to a brokerage-shaped table (each a transaction of the request's state
 *       item and its event item, as the brokerage writes them) by two writer threads; a {@link StreamPoller} (batches of
 *       100, as the event source mapping's default) hands the table's stream to the notifier's Lambda handler
 *       {@link NotifyOnEvents}, in an application context of its own, with ten JSON subscriptions of the area made through
 *       {@link Subscribe}. Each delivery is made (a conditional put), signed, POSTed and recorded (a transaction) by the
 *       handler. Latency: from the event's write returning to its delivery arriving at the receiver; throughput:
 *       deliveries over the time from the first write to the last arrival;</li>
 *   <li><b>baseline</b>: the same envelope bodies signed with the same code and POSTed straight to the same receivers by
 *       the same JDK HTTP client settings (HTTP/1.1, no redirects), as many in flight as the notifier allows (32): the
 *       raw cost of signing and sending, with no stream, no table and no records. Latency: per request.</li>
 * </ol>
 * Two more phases put the figures in context: <b>storage</b>, the notifier's two conditional DynamoDB writes per delivery
 * done alone (what DynamoDB Local costs), and <b>paced</b>, {@value #PACED_EVENTS} events written steadily at
 * {@value #PACED_RATE} a second (well under capacity), whose latency is the pipeline's own rather than a queue's.
 * Every receiver checks every signature and counts what arrives per webhook-id: a missing, repeated or badly signed
 * delivery fails the benchmark (exit 1, {@code NOTIFIER BENCHMARK FAILED}).
 * Usage: NotifierBenchmark [EVENTS (1000)] [SUBSCRIBERS (10)] [RUNS (3)]
 */
public final class NotifierBenchmark {

    static final String AREA = "900";
    static final int IN_FLIGHT = 32;
    static final int WRITERS = 2;
    static final Duration DEADLINE = Duration.ofMinutes(10);
    /** The paced phase: events arriving steadily, well under the notifier's capacity, for the latency of the pipeline itself. */
    static final int PACED_EVENTS = 100;

    static final int PACED_RATE = 5;

    private NotifierBenchmark() {}

    /** A receiver on 127.0.0.1 that checks signatures and keeps when each webhook-id first arrived. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        volatile SigningSecret secret;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.createContext("/", exchange -> {
                long at = System.nanoTime();
                try (exchange;
                        InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    var h = exchange.getRequestHeaders();
                    String id = h.getFirst("webhook-id");
                    if (WebhookSignatures.verify(
                                    secret,
                                    id,
                                    h.getFirst("webhook-timestamp"),
                                    h.getFirst("webhook-signature"),
                                    body,
                                    Instant.now())
                            != WebhookSignatures.Verification.VALID) {
                        badSignatures.incrementAndGet();
                    }
                    arrivals.putIfAbsent(id, at);
                    total.incrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.setExecutor(threads);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        void reset(SigningSecret s) {
            secret = s;
            arrivals.clear();
            total.set(0);
            badSignatures.set(0);
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** One phase's figures. */
    record Result(String name, int deliveries, double seconds, long[] latenciesMicros, long cpuNanos) {
        double perSecond() {
            return deliveries / seconds;
        }

        double p(double q) {
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000.0;
        }

        double cpuMillisPerDelivery() {
            return cpuNanos / 1e6 / deliveries;
        }
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int subscribers = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Receiver> receivers = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            receivers.add(new Receiver());
        }
        System.out.printf(
                "notifier benchmark: %d events x %d subscribers, %d runs, %d cores, load average %.1f%n",
                events,
                subscribers,
                runs,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Result> notifier = new ArrayList<>();
        List<Result> baseline = new ArrayList<>();
        List<Result> storage = new ArrayList<>();
        List<Result> paced = new ArrayList<>();
        boolean failed = false;
        // a short warm-up of each, not counted
        failed |=
                !check(runNotifier(freshDynamo(), receivers, Math.min(100, events)), receivers, Math.min(100, events));
        failed |= !check(runBaseline(receivers, Math.min(100, events)), receivers, Math.min(100, events));
        runStorage(freshDynamo(), receivers, Math.min(100, events));
        for (int run = 1; run <= runs && !failed; run++) {
            // the notifier and the raw POSTs back to back, which goes first alternating; then the others
            List<String> order = run % 2 == 1
                    ? List.of("notifier", "baseline", "storage", "paced")
                    : List.of("baseline", "notifier", "paced", "storage");
            for (String phase : order) {
                Result r = switch (phase) {
                    case "notifier" -> runNotifier(freshDynamo(), receivers, events);
                    case "baseline" -> runBaseline(receivers, events);
                    case "storage" -> runStorage(freshDynamo(), receivers, events);
                    default -> runNotifier(freshDynamo(), receivers, PACED_EVENTS, PACED_RATE);
                };
                if (!phase.equals("storage")) {
                    failed |= !check(r, receivers, phase.equals("paced") ? PACED_EVENTS : events);
                }
                (switch (phase) {
                            case "notifier" -> notifier;
                            case "baseline" -> baseline;
                            case "storage" -> storage;
                            default -> paced;
                        })
                        .add(r);
                System.out.printf(
                        "run %d %-8s %6d deliveries in %6.2f s = %7.1f/s; latency p50 %8.1f ms, p99 %8.1f ms; CPU %.2f ms/delivery%n",
                        run,
                        r.name(),
                        r.deliveries(),
                        r.seconds(),
                        r.perSecond(),
                        r.p(0.50),
                        r.p(0.99),
                        r.cpuMillisPerDelivery());
            }
        }
        receivers.forEach(Receiver::close);
        if (failed) {
            System.out.println("NOTIFIER BENCHMARK FAILED");
            System.exit(1);
        }
        double nRate = median(notifier.stream().mapToDouble(Result::perSecond).toArray());
        double bRate = median(baseline.stream().mapToDouble(Result::perSecond).toArray());
        double n50 = median(notifier.stream().mapToDouble(r -> r.p(0.5)).toArray());
        double n99 = median(notifier.stream().mapToDouble(r -> r.p(0.99)).toArray());
        double b50 = median(baseline.stream().mapToDouble(r -> r.p(0.5)).toArray());
        double b99 = median(baseline.stream().mapToDouble(r -> r.p(0.99)).toArray());
        System.out.printf(
                Locale.UK,
                "%nmedians over %d runs: notifier %.1f deliveries/s, end-to-end p50 %.1f ms, p99 %.1f ms, CPU %.2f ms/delivery%n"
                        + "                      baseline %.1f deliveries/s, per request p50 %.1f ms, p99 %.1f ms, CPU %.2f ms/delivery%n"
                        + "                      notifier / baseline: throughput %.2fx, p50 %.1fx, p99 %.1fx%n",
                runs,
                nRate,
                n50,
                n99,
                median(notifier.stream()
                        .mapToDouble(Result::cpuMillisPerDelivery)
                        .toArray()),
                bRate,
                b50,
                b99,
                median(baseline.stream()
                        .mapToDouble(Result::cpuMillisPerDelivery)
                        .toArray()),
                nRate / bRate,
                n50 / b50,
                n99 / b99);
        double sRate = median(storage.stream().mapToDouble(Result::perSecond).toArray());
        System.out.printf(
                Locale.UK,
                "                      storage alone (two conditional puts a delivery) %.1f deliveries/s, p50 %.1f ms; "
                        + "notifier / storage: throughput %.2fx%n",
                sRate,
                median(storage.stream().mapToDouble(r -> r.p(0.5)).toArray()),
                nRate / sRate);
        System.out.printf(
                Locale.UK,
                "                      paced (%d events at %d/s): end-to-end p50 %.1f ms, p99 %.1f ms%n",
                PACED_EVENTS,
                PACED_RATE,
                median(paced.stream().mapToDouble(r -> r.p(0.5)).toArray()),
                median(paced.stream().mapToDouble(r -> r.p(0.99)).toArray()));
        System.exit(0);
    }

    /**
     * A DynamoDB Local of its own for each phase: it keeps the stream records of every table, deleted ones too, in its
     * one database, and slows as they pile up, so a phase after a big one would pay for its predecessor.
     */
    static URI freshDynamo() {
        Engines.dynamo().close();
        return Engines.dynamo().endpoint();
    }

    /** Every receiver had every delivery exactly once, each correctly signed. */
    static boolean check(Result r, List<Receiver> receivers, int events) {
        boolean ok = true;
        for (Receiver receiver : receivers) {
            if (receiver.arrivals.size() != events
                    || receiver.total.get() != events
                    || receiver.badSignatures.get() != 0) {
                System.out.printf(
                        "%s: a receiver had %d distinct deliveries, %d requests, %d bad signatures; expected %d, %d, 0%n",
                        r.name(),
                        receiver.arrivals.size(),
                        receiver.total.get(),
                        receiver.badSignatures.get(),
                        events,
                        events);
                ok = false;
            }
        }
        return ok;
    }

    static Result runNotifier(URI endpoint, List<Receiver> receivers, int events) throws Exception {
        return runNotifier(endpoint, receivers, events, 0);
    }

    /** The notifier's phase; with {@code perSecond > 0} the events are written at that steady rate (one writer), else as fast as two writers can. */
    static Result runNotifier(URI endpoint, List<Receiver> receivers, int events, int perSecond) throws Exception {
        String notifierTable = "notifier-bench-" + UUID.randomUUID().toString().substring(0, 8);
        String sourceTable = "brokerage-bench-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, Object> properties = new HashMap<>();
        properties.put("sse.aws.endpoint", endpoint.toString());
        properties.put("sse.aws.create-tables", "true");
        properties.put("sse.notifier.table-name", notifierTable);
        properties.put("sse.notifier.secret-key", Base64.getEncoder().encodeToString(key));
        properties.put("sse.notifier.local-receivers", "http://127.0.0.1:*");
        properties.put("sse.notifier.max-in-flight", Integer.toString(IN_FLIGHT));
        NotifyOnEvents handler = new NotifyOnEvents(ApplicationContext.builder().properties(properties));
        ApplicationContext context = handler.getApplicationContext();
        try (DynamoDbClient dynamo = client(endpoint)) {
            Subscribe subscribe = context.getBean(Subscribe.class);
            EventJson json = context.getBean(EventJson.class);
            Map<String, String> eventOf = new HashMap<>();
            List<String> subscriptionIds = new ArrayList<>();
            for (Receiver receiver : receivers) {
                Outcome<Subscribe.Subscribed> made = subscribe.subscribe(
                        new Caller("bench-broker", Role.BROKER, AREA, "la-" + AREA),
                        new Subscription.Choice(
                                receiver.url(), List.of("brokerage.request.created"), null, Format.JSON, "benchmark"),
                        null);
                Subscribe.Subscribed s = ((Outcome.Done<Subscribe.Subscribed>) made).value();
                receiver.reset(s.secret());
                subscriptionIds.add(s.subscription().id());
            }
            List<EventEnvelope> envelopes = envelopes(events, "N" + System.nanoTime());
            for (String sub : subscriptionIds) {
                for (EventEnvelope e : envelopes) {
                    eventOf.put(WebhookIds.of(sub, e.id()), e.id());
                }
            }
            Tables.createIfAbsent(dynamo, Tables.definition(sourceTable, 3));
            Map<String, Long> written = new ConcurrentHashMap<>();
            long cpuBefore = cpu();
            try (TableStreamReader reader = TableStreamReader.of(endpoint, sourceTable, StartingPosition.TRIM_HORIZON);
                    StreamPoller poller =
                            StreamPoller.start(reader, event -> handler.handleRequest(event, null), 100, 5)) {
                long started = System.nanoTime();
                AtomicInteger next = new AtomicInteger();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < (perSecond > 0 ? 1 : WRITERS); w++) {
                    writers.add(Thread.ofPlatform().start(() -> {
                        for (int i = next.getAndIncrement(); i < envelopes.size(); i = next.getAndIncrement()) {
                            if (perSecond > 0) {
                                long due = started + i * 1_000_000_000L / perSecond;
                                java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                            }
                            EventEnvelope e = envelopes.get(i);
                            write(dynamo, sourceTable, e, json.write(e));
                            written.put(e.id(), System.nanoTime());
                        }
                    }));
                }
                for (Thread t : writers) {
                    t.join();
                }
                int expected = events * receivers.size();
                long deadline = System.nanoTime() + DEADLINE.toNanos();
                while (receivers.stream().mapToInt(r -> r.arrivals.size()).sum() < expected
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(200); // anything sent twice would arrive now
                long last = receivers.stream()
                        .flatMap(r -> r.arrivals.values().stream())
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(started);
                long[] latencies = receivers.stream()
                        .flatMap(r -> r.arrivals.entrySet().stream())
                        .mapToLong(a ->
                                (a.getValue() - written.getOrDefault(eventOf.get(a.getKey()), a.getValue())) / 1000)
                        .toArray();
                return new Result(
                        perSecond > 0 ? "paced" : "notifier",
                        receivers.stream().mapToInt(r -> r.arrivals.size()).sum(),
                        (last - started) / 1e9,
                        latencies,
                        cpu() - cpuBefore);
            } finally {
                dynamo.deleteTable(b -> b.tableName(sourceTable));
            }
        } finally {
            handler.close();
            try (DynamoDbClient dynamo = client(endpoint)) {
                dynamo.deleteTable(b -> b.tableName(notifierTable)); // DynamoDB Local slows as its one database grows
            }
        }
    }

    static Result runBaseline(List<Receiver> receivers, int events) throws Exception {
        List<EventEnvelope> envelopes = envelopes(events, "B" + System.nanoTime());
        EventJson json;
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(
                        Map.of("sse.notifier.secret-key", Base64.getEncoder().encodeToString(new byte[32])))
                .start()) {
            json = context.getBean(EventJson.class);
            List<String> bodies = envelopes.stream().map(json::write).toList();
            List<SigningSecret> secrets = new ArrayList<>();
            for (Receiver receiver : receivers) {
                SigningSecret secret = SigningSecret.generate(new SecureRandom());
                secrets.add(secret);
                receiver.reset(secret);
            }
            HttpClient client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            long[] latencies = new long[events * receivers.size()];
            AtomicInteger index = new AtomicInteger();
            AtomicLong failures = new AtomicLong();
            Semaphore slots = new Semaphore(IN_FLIGHT);
            long cpuBefore = cpu();
            long started = System.nanoTime();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int e = 0; e < bodies.size(); e++) {
                    for (int r = 0; r < receivers.size(); r++) {
                        String body = bodies.get(e);
                        String id =
                                WebhookIds.of("baseline-" + r, envelopes.get(e).id());
                        SigningSecret secret = secrets.get(r);
                        URI url = URI.create(receivers.get(r).url());
                        slots.acquireUninterruptibly();
                        threads.submit(() -> {
                            long t0 = System.nanoTime();
                            try {
                                long ts = Instant.now().getEpochSecond();
                                HttpRequest request = HttpRequest.newBuilder(url)
                                        .timeout(Duration.ofSeconds(10))
                                        .header("content-type", "application/json")
                                        .header("webhook-id", id)
                                        .header("webhook-timestamp", Long.toString(ts))
                                        .header(
                                                "webhook-signature",
                                                WebhookSignatures.header(List.of(secret), id, ts, body))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build();
                                HttpResponse<Void> response =
                                        client.send(request, HttpResponse.BodyHandlers.discarding());
                                if (response.statusCode() / 100 != 2) {
                                    failures.incrementAndGet();
                                }
                            } catch (IOException | InterruptedException broken) {
                                failures.incrementAndGet();
                            } finally {
                                latencies[index.getAndIncrement()] = (System.nanoTime() - t0) / 1000;
                                slots.release();
                            }
                        });
                    }
                }
            }
            long took = System.nanoTime() - started;
            client.close();
            if (failures.get() > 0) {
                System.out.println("baseline: " + failures.get() + " requests failed");
            }
            return new Result(
                    "baseline",
                    receivers.stream().mapToInt(r -> r.arrivals.size()).sum(),
                    took / 1e9,
                    latencies,
                    cpu() - cpuBefore);
        }
    }

    /**
     * The notifier's own DynamoDB writes without the notifier: for each delivery a put on condition that its id is
     * free (with the same two index keys), then a put of it delivered on condition of its lease, items of the same size
     * as the notifier's, as many at once as it allows. What DynamoDB Local alone costs for the deliveries.
     */
    static Result runStorage(URI endpoint, List<Receiver> receivers, int events) throws Exception {
        String table = "storage-bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (DynamoDbClient dynamo = client(endpoint)) {
            Tables.createIfAbsent(dynamo, Tables.definition(table, 2));
            String body = "x".repeat(900);
            long[] latencies = new long[events * receivers.size()];
            AtomicInteger index = new AtomicInteger();
            Semaphore slots = new Semaphore(IN_FLIGHT);
            long cpuBefore = cpu();
            long started = System.nanoTime();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < latencies.length; i++) {
                    String id = "msg_" + i;
                    String subscription =
                            "sub_" + (i % receivers.size()); // each event to every subscriber, as the notifier does
                    slots.acquireUninterruptibly();
                    threads.submit(() -> {
                        long t0 = System.nanoTime();
                        try {
                            Map<String, AttributeValue> item = new HashMap<>(Map.of(
                                    "pk",
                                    AttributeValue.fromS("DELIVERY#" + id),
                                    "sk",
                                    AttributeValue.fromS("DELIVERY"),
                                    "gsi1pk",
                                    AttributeValue.fromS("DELIVERIES#" + subscription),
                                    "gsi1sk",
                                    AttributeValue.fromS(t0 + "#" + id),
                                    "gsi2pk",
                                    AttributeValue.fromS("DUE#" + (id.hashCode() & 7)),
                                    "gsi2sk",
                                    AttributeValue.fromS(t0 + "#" + id),
                                    "body",
                                    AttributeValue.fromS(body),
                                    "status",
                                    AttributeValue.fromS("PENDING"),
                                    "leaseToken",
                                    AttributeValue.fromS("t")));
                            dynamo.putItem(
                                    b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
                            item.remove("gsi2pk");
                            item.remove("gsi2sk");
                            item.remove("leaseToken");
                            item.put("status", AttributeValue.fromS("DELIVERED"));
                            item.put(
                                    "log",
                                    AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                                            "status",
                                            AttributeValue.fromN("204"),
                                            "at",
                                            AttributeValue.fromS(Instant.now().toString()))))));
                            dynamo.putItem(b -> b.tableName(table)
                                    .item(item)
                                    .conditionExpression("leaseToken = :t")
                                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("t"))));
                        } finally {
                            latencies[index.getAndIncrement()] = (System.nanoTime() - t0) / 1000;
                            slots.release();
                        }
                    });
                }
            }
            long took = System.nanoTime() - started;
            dynamo.deleteTable(b -> b.tableName(table));
            return new Result("storage", latencies.length, took / 1e9, latencies, cpu() - cpuBefore);
        }
    }

    /** Requests raised in the area, shaped as the brokerage's {@code brokerage.request.created} (docs/events.md). */
    static List<EventEnvelope> envelopes(int n, String prefix) {
        SplittableRandom random = new SplittableRandom(n);
        List<String> areas = List.of("CT.READ", "INC.SEND.ASD", "CT.MATHS", "AB.ATT", "LG.SAFE", "PDW.MH");
        List<String> urgencies = List.of("LOW", "MEDIUM", "HIGH", "URGENT");
        List<EventEnvelope> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = prefix + "-" + i;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("requestId", id);
            data.put("version", 1);
            data.put("urn", Integer.toString(100000 + random.nextInt(900000)));
            data.put("schoolName", "Benchmark Primary School " + i);
            data.put("areasOfSupport", List.of(areas.get(random.nextInt(areas.size()))));
            data.put("urgency", urgencies.get(random.nextInt(urgencies.size())));
            data.put("action", "RAISE");
            data.put("to", "OPEN");
            data.put("by", "adviser-" + AREA);
            data.put("byKind", "ADVISER");
            data.put(
                    "need",
                    "The new reading lead wants help to audit phonics teaching in reception and year 1 and to coach "
                            + "the year 1 team through the first half term. Request " + i + ".");
            data.put("daysWanted", 1 + random.nextInt(6));
            data.put("deliveryModes", List.of("IN_SCHOOL"));
            data.put("wantedBy", "2027-03-31");
            data.put("credits", 6 + random.nextInt(30));
            data.put("suggestions", List.of());
            out.add(new EventEnvelope("brokerage.request.created", id + "/1", Instant.now(), AREA, data));
        }
        return out;
    }

    private static void write(DynamoDbClient dynamo, String table, EventEnvelope e, String json) {
        String requestId = (String) e.data().get("requestId");
        Map<String, AttributeValue> state = Map.of(
                "pk",
                AttributeValue.fromS("REQUEST#" + requestId),
                "sk",
                AttributeValue.fromS("REQUEST"),
                "entity",
                AttributeValue.fromS("REQUEST"),
                "status",
                AttributeValue.fromS("OPEN"),
                "version",
                AttributeValue.fromN("1"));
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder()
                        .put(Put.builder().tableName(table).item(state).build())
                        .build(),
                EventItems.put(table, "REQUEST#" + requestId, String.format("EVENT#%010d", 1), e, json)));
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_2)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
