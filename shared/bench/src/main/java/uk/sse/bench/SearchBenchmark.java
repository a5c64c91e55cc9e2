package uk.sse.bench;

import io.micronaut.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.sse.contracts.directory.PublishedOffer;
import uk.sse.directory.application.OfferStore;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.register.School;
import uk.sse.directory.search.OfferQuery;
import uk.sse.directory.search.OfferSearchParameters;
import uk.sse.directory.search.RankingSettings;
import uk.sse.directory.search.SearchOffers;
import uk.sse.directory.storage.DirectorySettings;
import uk.sse.embeddings.SentenceEmbeddings;
import uk.sse.indexer.IndexChange;
import uk.sse.indexer.OfferDocuments;
import uk.sse.indexer.OfferEmbeddings;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.search.SearchSynonyms;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.local.LocalSystem;
import uk.sse.local.demo.DemoDirectory;

/**
 * Search at scale (issue 3), on the whole local stack in this JVM: loads N generated offers (the demo
 * directory's vocabulary, many seeds, all approved and in date), then times a seeded mix of adviser searches
 * three ways in the same run, interleaved query by query so that noise falls on all alike:
 * <ol>
 *   <li>the directory's Lambda handler ({@code APIGatewayV2HTTPEventFunction}) in a JVM of its own on the directory's Lambda jar and the embeddings layer ({@link SearchHandlerProbe}), with API Gateway v2 events;</li>
 *   <li>the local stack's Netty server ({@code GET /search/offers}) over HTTP;</li>
 *   <li>the same search body the directory builds, sent straight to OpenSearch ({@code POST /offers/_search}): the baseline.</li>
 * </ol>
 * Also indexing throughput (first write until the {@code offers} alias counts them all) and the lag from a
 * write to the offer being found by a search. Sizes are cumulative: {@code 10000 100000} loads 10,000, measures,
 * then 90,000 more. Writes go through the directory's {@code OfferStore} (DynamoDB Local, its stream, the
 * indexer) up to {@code -Dsse.bench.store-max} offers in all (default 10,000); the rest, if any, go to OpenSearch as
 * one bulk load of the documents the indexer itself builds ({@link OfferDocuments}), which the output says.
 * Usage: SearchBenchmark [N...] (default 10000 100000)
 */
public final class SearchBenchmark {

    static final int WARM_UP = 200;
    /** Measured searches per size, a third of each kind; fewer with {@code -Dsse.bench.queries} when time is short. */
    static final int QUERIES = Integer.getInteger("sse.bench.queries", 1_200);

    static final int LAG_SAMPLES = 60;
    static final int WRITERS = 8;
    static final long SEED = 3;
    static final String[] KINDS = {"text", "text+filters", "geo+facets"};

    private final LocalSystem stack;
    private final LocalDate today = LocalDate.now();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json;
    private final String openSearch;
    private final String adviser;
    private final Process handler;
    private final PrintStream toHandler;
    private final BufferedReader fromHandler;
    private long handlerNanos;
    private final List<School> schools;
    private final int storeMax = Integer.getInteger("sse.bench.store-max", 10_000);
    private int loaded;
    private int throughStore;
    private int throughBulk;
    private long generatorSeed = 10_000;
    private final Set<String> ids = new HashSet<>();
    private final EmbeddingsCache embeddingsCache;
    private final OfferEmbeddings embeddings;

    private SearchBenchmark(LocalSystem stack) throws Exception {
        this.stack = stack;
        this.json = stack.context().getBean(JsonMapper.class);
        this.openSearch = stack.openSearch().endpoint().toString().replaceAll("/$", "");
        this.adviser = stack.token(Role.ADVISER);
        this.schools = DemoDirectory.sampleSchools().stream()
                .filter(School::hasLocation)
                .toList();
        this.handler = startHandler(stack, adviser);
        this.toHandler = new PrintStream(handler.getOutputStream(), false, StandardCharsets.UTF_8);
        this.fromHandler = new BufferedReader(new InputStreamReader(handler.getInputStream(), StandardCharsets.UTF_8));
        awaitReady();
        // fail now, not after the load, if the handler's JVM cannot answer a search of each kind
        viaHandler(new Query(0, Map.of("q", "reading"), null, null));
        viaHandler(new Query(2, Map.of("near", schools.get(0).urn()), null, null));
        stack.demo().offers().forEach(o -> ids.add(o.id()));
        this.embeddingsCache = EmbeddingsCache.open(
                Path.of(System.getProperty(
                        "sse.bench.embeddings-cache", ".local/cache/embeddings-" + SentenceEmbeddings.MODEL + ".bin")),
                SentenceEmbeddings.MODEL,
                texts -> SentenceEmbeddings.shared().embedAll(texts));
        System.out.printf("embeddings cache %s: %s%n", embeddingsCache, embeddingsCache.opened());
        this.embeddings = new OfferEmbeddings(
                stack.context().getBean(org.opensearch.client.opensearch.OpenSearchClient.class),
                embeddingsCache::embedAll);
    }

    /**
     * The directory's Lambda handler as deployed: a JVM of its own on the directory's Lambda jar and the embeddings
     * layer's libraries only ({@link SearchHandlerProbe}), so that no other function's beans or filters are in its
     * context, with the stack's settings (same table, OpenSearch and signing key) and the heap of the function's
     * memory (1024 MB). {@code -Dsse.bench.handler-jvm} adds JVM options (e.g. a JFR recording).
     */
    private static Process startHandler(LocalSystem stack, String token) throws Exception {
        Path jar = Path.of(System.getProperty("sse.bench.directory-jar", "")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("-Dsse.bench.directory-jar names no file: " + jar);
        }
        String secretKey = "micronaut.security.token.jwt.signatures.secret.generator.secret";
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "--enable-native-access=ALL-UNNAMED",
                "-Dsse.aws.endpoint=" + stack.context().getRequiredProperty("sse.aws.endpoint", String.class),
                "-Dsse.opensearch.url=" + stack.context().getRequiredProperty("sse.opensearch.url", String.class),
                "-Dsse.directory.table-name="
                        + stack.context().getBean(DirectorySettings.class).tableName(),
                "-D" + secretKey + "=" + stack.context().getRequiredProperty(secretKey, String.class),
                "-D" + SearchHandlerProbe.TOKEN + "=" + token));
        String extra = System.getProperty("sse.bench.handler-jvm", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        command.addAll(List.of(
                "-cp",
                ColdStartBenchmark.probeClasspath(jar, SearchHandlerProbe.class),
                SearchHandlerProbe.class.getName()));
        Path log = Files.createTempFile("search-handler", ".log");
        System.out.printf(
                "the directory's handler: a JVM of its own on %s and the embeddings layer's libraries; its log %s%n",
                jar.getFileName(), log);
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    private void awaitReady() throws IOException {
        // the JVM may print before the probe does (e.g. a JFR recording's start)
        for (String line = fromHandler.readLine(); !"READY".equals(line); line = fromHandler.readLine()) {
            if (line == null) {
                throw new IllegalStateException("the handler's JVM did not start: see its log");
            }
            System.out.println("handler JVM: " + line);
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0
                ? new int[] {10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).sorted().toArray();
        long started = System.nanoTime();
        LocalSystem stack = LocalSystem.start(new String[0], Map.of("micronaut.server.port", -1));
        System.out.printf(
                "stack ready in %.1f s at %s; %d demo offers; %d cores, max heap %d MB%n",
                (System.nanoTime() - started) / 1e9,
                stack.url(),
                stack.demo().offers().size(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        int status = 0;
        SearchBenchmark bench = null;
        try {
            bench = new SearchBenchmark(stack);
            bench.waitForCount(bench.visibleBaseline(), 300_000);
            for (int n : sizes) {
                bench.run(n);
            }
        } catch (Exception failed) {
            failed.printStackTrace();
            status = 1;
        } finally {
            if (bench != null) {
                bench.handler.destroy();
            }
            stack.close();
        }
        System.exit(status);
    }

    /** The demo offers already indexed: every demo offer is an item of the offers index, whatever its state. */
    private long visibleBaseline() {
        return stack.demo().offers().size();
    }

    private void run(int n) throws Exception {
        System.out.printf(
                "%n=== N = %,d generated offers (plus %d demo offers) ===%n",
                n, stack.demo().offers().size());
        load(n - loaded);
        loaded = n;
        System.out.printf(
                "index: %,d documents in the offers alias; %,d offers through the store so far, %,d by direct bulk%n",
                count(), throughStore, throughBulk);
        searches(n);
        lag();
    }

    // ---------------------------------------------------------------- loading

    private void load(int more) throws Exception {
        if (more <= 0) {
            return;
        }
        List<Offer> offers = generate(more);
        int viaStore = Math.max(0, Math.min(offers.size(), storeMax - throughStore));
        long before = count();
        if (viaStore > 0) {
            List<Offer> part = offers.subList(0, viaStore);
            long first = System.nanoTime();
            OfferStore store = stack.context().getBean(OfferStore.class);
            AtomicInteger next = new AtomicInteger();
            try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    done.add(writers.submit(() -> {
                        for (int i = next.getAndIncrement(); i < part.size(); i = next.getAndIncrement()) {
                            store.create(part.get(i), null);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            long written = System.nanoTime();
            waitForCount(before + viaStore, 1_800_000);
            long searchable = System.nanoTime();
            throughStore += viaStore;
            System.out.printf(
                    "indexing through the store, stream and indexer: %,d offers; writes took %.1f s (%.0f/s, %d writer threads); "
                            + "first write to all counted in the alias %.1f s = %.0f offers/s%n",
                    viaStore,
                    (written - first) / 1e9,
                    viaStore / ((written - first) / 1e9),
                    WRITERS,
                    (searchable - first) / 1e9,
                    viaStore / ((searchable - first) / 1e9));
        }
        List<Offer> rest = offers.subList(viaStore, offers.size());
        if (!rest.isEmpty()) {
            long first = System.nanoTime();
            bulk(rest);
            waitForCount(before + offers.size(), 1_800_000);
            long searchable = System.nanoTime();
            throughBulk += rest.size();
            System.out.printf(
                    "direct bulk of the indexer's documents (no DynamoDB, no stream): %,d offers in %.1f s = %.0f offers/s%n",
                    rest.size(), (searchable - first) / 1e9, rest.size() / ((searchable - first) / 1e9));
        }
    }

    /** Offers from the demo generator with seeds of their own, each approved with a review date a year ahead. */
    private List<Offer> generate(int count) {
        List<Offer> offers = new ArrayList<>(count);
        List<School> all = DemoDirectory.sampleSchools();
        while (offers.size() < count) {
            for (Offer o : DemoDirectory.generate(all, today, generatorSeed++).offers()) {
                if (offers.size() < count && ids.add(o.id())) {
                    offers.add(new Offer(
                            o.id(),
                            o.providerId(),
                            o.providerName(),
                            o.providerType(),
                            o.area(),
                            o.designations(),
                            o.content(),
                            OfferStatus.APPROVED,
                            today.plusYears(1),
                            o.history(),
                            o.version(),
                            o.createdAt(),
                            o.updatedAt(),
                            o.signals()));
                }
            }
        }
        return offers;
    }

    /**
     * The indexer's own documents for these offers, written with the Bulk API and the same external versions.
     * The item images come from the directory's own item mapping, so the documents are what the stream would carry.
     */
    private void bulk(List<Offer> offers) throws Exception {
        Method toItem = itemMapping();
        Taxonomy taxonomy = Taxonomy.standard();
        StringBuilder body = new StringBuilder();
        int inBody = 0;
        List<IndexChange> changes = new ArrayList<>(offers.size());
        for (Offer offer : offers) {
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item =
                    ((Items) toItem.invoke(null, offer)).build();
            changes.add(new IndexChange.Put(
                    offer.id(),
                    uk.sse.kernel.search.SearchIndices.OFFERS,
                    offer.id(),
                    offer.version(),
                    org.opensearch.client.opensearch._types.VersionType.External,
                    OfferDocuments.document(PublishedOffer.from(Items.of(item).attributes()), taxonomy)));
        }
        // the indexer's own embedding step; the generator repeats texts, so each distinct one is embedded once
        long embedding = System.nanoTime();
        List<IndexChange> embedded = new ArrayList<>(changes.size());
        for (int from = 0; from < changes.size(); from += 1_000) {
            embedded.addAll(embeddings.embed(changes.subList(from, Math.min(from + 1_000, changes.size()))));
        }
        System.out.printf(
                "embedded %,d offer documents in %.1f s (%,d distinct texts computed, the rest from the cache)%n",
                changes.size(), (System.nanoTime() - embedding) / 1e9, embeddingsCache.computed());
        for (IndexChange change : embedded) {
            IndexChange.Put put = (IndexChange.Put) change;
            Map<String, Object> doc = put.document();
            body.append("{\"index\":{\"_index\":\"offers\",\"_id\":")
                    .append(json.writeValueAsString(put.id()))
                    .append(",\"version\":")
                    .append(put.version())
                    .append(",\"version_type\":\"external\"}}\n")
                    .append(json.writeValueAsString(doc))
                    .append('\n');
            if (++inBody == 1_000) {
                sendBulk(body.toString());
                body.setLength(0);
                inBody = 0;
            }
        }
        if (inBody > 0) {
            sendBulk(body.toString());
        }
    }

    private void sendBulk(String body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(openSearch + "/_bulk?require_alias=true"))
                        .header("content-type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || r.body().contains("\"errors\":true")) {
            throw new IllegalStateException("bulk answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(2000, r.body().length())));
        }
    }

    private static Method itemMapping() throws ClassNotFoundException {
        Class<?> items = Class.forName("uk.sse.directory.storage.OfferItems");
        Method m;
        try {
            m = items.getDeclaredMethod("current", Offer.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no current(Offer) item mapping in " + items, e);
        }
        m.setAccessible(true);
        return m;
    }

    private long count() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(openSearch + "/offers/_count"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(r.body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private void waitForCount(long target, long timeoutMs) throws Exception {
        long until = System.currentTimeMillis() + timeoutMs;
        long c;
        while ((c = count()) < target) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException(
                        "the offers alias holds " + c + " documents, not " + target + ", after " + timeoutMs + " ms");
            }
            Thread.sleep(50);
        }
    }

    // ---------------------------------------------------------------- searches

    /**
     * One adviser search: its URL parameters, the body the directory sends OpenSearch for them, and for a search with
     * words what the directory gives the embedding model (the baseline embeds it too, as the issue asks).
     */
    record Query(int kind, Map<String, String> parameters, String body, String meaning) {}

    private void searches(int n) throws Exception {
        List<Query> queries = queries(WARM_UP + QUERIES);
        long[][][] nanos = new long[3][KINDS.length][];
        int[] perKind = new int[KINDS.length];
        queries.subList(WARM_UP, queries.size()).forEach(q -> perKind[q.kind()]++);
        for (int path = 0; path < 3; path++) {
            for (int k = 0; k < KINDS.length; k++) {
                nanos[path][k] = new long[perKind[k]];
            }
        }
        int[] filled = new int[KINDS.length];
        long hits = 0;
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            boolean measured = i >= WARM_UP;
            // rotate which path goes first, so none always follows another's cache warming
            for (int j = 0; j < 3; j++) {
                int path = (i + j) % 3;
                long t = System.nanoTime();
                String answer = switch (path) {
                    case 0 -> viaHandler(q);
                    case 1 -> viaHttp(q);
                    default -> direct(q);
                };
                // the handler's time as its own JVM measured it around handleRequest, as before in process
                long took = path == 0 ? handlerNanos : System.nanoTime() - t;
                if (measured) {
                    nanos[path][q.kind()][filled[q.kind()]] = took;
                    if (path == 2) {
                        hits += total(answer);
                    }
                }
            }
            if (measured) {
                filled[q.kind()]++;
            }
        }
        System.out.printf(
                "%,d measured queries after %d warm-up (%s), %,d hits matched in all (mean %.0f per query)%n",
                QUERIES,
                WARM_UP,
                Arrays.stream(KINDS).map(k -> k).collect(Collectors.joining(", ")),
                hits,
                (double) hits / QUERIES);
        System.out.printf(
                "%-18s | %-32s | %-32s | %-20s | %s%n",
                "N=" + n,
                "Lambda handler, own JVM",
                "Netty GET /search/offers",
                "OpenSearch direct",
                "handler / direct");
        System.out.printf(
                "%-18s | %15s %16s | %15s %16s | %9s %10s | %s%n",
                "queries", "median ms", "p99 ms", "median ms", "p99 ms", "median", "p99", "median  p99");
        for (int k = 0; k <= KINDS.length; k++) {
            long[][] row = new long[3][];
            for (int path = 0; path < 3; path++) {
                row[path] = k == KINDS.length
                        ? Arrays.stream(nanos[path])
                                .flatMapToLong(Arrays::stream)
                                .toArray()
                        : nanos[path][k].clone();
                Arrays.sort(row[path]);
            }
            System.out.printf(
                    "%-18s | %15.1f %16.1f | %15.1f %16.1f | %9.1f %10.1f | %.2fx %.2fx%n",
                    (k == KINDS.length ? "all" : KINDS[k]) + " (" + row[0].length + ")",
                    ms(pct(row[0], 50)),
                    ms(pct(row[0], 99)),
                    ms(pct(row[1], 50)),
                    ms(pct(row[1], 99)),
                    ms(pct(row[2], 50)),
                    ms(pct(row[2], 99)),
                    (double) pct(row[0], 50) / pct(row[2], 50),
                    (double) pct(row[0], 99) / pct(row[2], 99));
        }
    }

    /** A seeded mix, a third of each kind, in a shuffled order. */
    private List<Query> queries(int count) throws Exception {
        Random random = new Random(SEED);
        List<String> words = vocabulary();
        List<Offer> demo = stack.demo().offers();
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = i % 3;
            Map<String, String> p = new LinkedHashMap<>();
            Offer like = demo.get(random.nextInt(demo.size()));
            switch (kind) {
                case 0 -> p.put("q", text(words, random, 1 + random.nextInt(3)));
                case 1 -> {
                    p.put("q", text(words, random, 1 + random.nextInt(2)));
                    List<String> areas = like.content().areasOfSupport();
                    String area = areas.get(random.nextInt(areas.size()));
                    // the code or its top level (which matches everything beneath it)
                    p.put("area", random.nextBoolean() ? area : area.split("\\.")[0]);
                    if (random.nextBoolean()) {
                        p.put(
                                "phase",
                                like.content()
                                        .phases()
                                        .get(random.nextInt(
                                                like.content().phases().size()))
                                        .name());
                    }
                    if (random.nextBoolean()) {
                        p.put("maxPrice", String.valueOf(new int[] {6, 12, 24, 48}[random.nextInt(4)]));
                    }
                }
                default -> {
                    p.put("near", schools.get(random.nextInt(schools.size())).urn());
                    p.put("radiusKm", String.valueOf(new int[] {10, 25, 50}[random.nextInt(3)]));
                    if (random.nextInt(3) == 0) {
                        p.put("sort", "distance");
                    }
                    if (random.nextBoolean()) {
                        p.put(
                                "phase",
                                like.content()
                                        .phases()
                                        .get(random.nextInt(
                                                like.content().phases().size()))
                                        .name());
                    }
                }
            }
            queries.add(query(kind, p));
        }
        java.util.Collections.shuffle(queries, random);
        return queries;
    }

    /** Words of four letters or more from the demo offers' titles and descriptions. */
    private List<String> vocabulary() {
        Set<String> words = new TreeSet<>();
        for (Offer o : stack.demo().offers()) {
            for (String w : (o.content().title() + " " + o.content().description()).split("[^\\p{L}]+")) {
                if (w.length() >= 4) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(words);
    }

    /** Some words of the vocabulary; one query in five has a typo (two letters swapped) in a longer word. */
    private static String text(List<String> words, Random random, int count) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(words.get(random.nextInt(words.size())));
        }
        if (random.nextInt(5) == 0) {
            for (int i = 0; i < chosen.size(); i++) {
                String w = chosen.get(i);
                if (w.length() >= 6) {
                    int at = 1 + random.nextInt(w.length() - 3);
                    chosen.set(i, w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2));
                    break;
                }
            }
        }
        return String.join(" ", chosen);
    }

    /**
     * The body the directory sends for these parameters, by its own check and query builders, called in process: for a
     * search without words the filtered, faceted search; with words the candidates of its ranking (their embeddings
     * included), with the areas of support its query embedding picks.
     */
    private Query query(int kind, Map<String, String> p) throws Exception {
        SearchOffers search = stack.context().getBean(SearchOffers.class);
        Method check = SearchOffers.class.getDeclaredMethod("check", OfferSearchParameters.class);
        check.setAccessible(true);
        var parameters = new OfferSearchParameters(
                p.get("q"),
                p.containsKey("area") ? List.of(p.get("area")) : null,
                p.containsKey("phase") ? List.of(uk.sse.directory.model.Phase.valueOf(p.get("phase"))) : null,
                null,
                null,
                null,
                p.containsKey("maxPrice") ? Integer.valueOf(p.get("maxPrice")) : null,
                null,
                p.get("near"),
                null,
                null,
                null,
                p.containsKey("radiusKm") ? Integer.valueOf(p.get("radiusKm")) : null,
                false,
                p.getOrDefault("sort", "relevance"),
                1,
                20);
        Object checked = check.invoke(search, parameters);
        if (!(checked instanceof Outcome.Done<?> done)) {
            throw new IllegalStateException("the directory refuses " + p + ": " + checked);
        }
        OfferQuery q = (OfferQuery) done.value();
        Class<?> queries = Class.forName("uk.sse.directory.search.OfferQueries");
        if (q.text() == null) {
            Method body = queries.getDeclaredMethod("body", OfferQuery.class, LocalDate.class);
            body.setAccessible(true);
            return new Query(kind, p, json.writeValueAsString(body.invoke(null, q, today)), null);
        }
        String meaning = SearchSynonyms.standard().withMeanings(q.typed());
        Class<?> areasType = Class.forName("uk.sse.directory.search.SemanticAreas");
        Object areas = stack.context().getBean(areasType);
        Method similarities = areasType.getDeclaredMethod("similarities", float[].class);
        similarities.setAccessible(true);
        Method nearest = areasType.getDeclaredMethod("nearest", Map.class, int.class, double.class);
        nearest.setAccessible(true);
        RankingSettings ranking = stack.context().getBean(RankingSettings.class);
        Map<String, Double> picked = new LinkedHashMap<>();
        for (Object near : (List<?>) nearest.invoke(
                null,
                similarities.invoke(areas, (Object) SentenceEmbeddings.shared().embed(meaning)),
                ranking.areas(),
                ranking.areaSimilarity())) {
            Method code = near.getClass().getDeclaredMethod("code");
            Method similarity = near.getClass().getDeclaredMethod("similarity");
            code.setAccessible(true);
            similarity.setAccessible(true);
            picked.put("area:" + code.invoke(near), (Double) similarity.invoke(near));
        }
        Method candidates = queries.getDeclaredMethod(
                "candidates", OfferQuery.class, LocalDate.class, Map.class, int.class, int.class);
        candidates.setAccessible(true);
        return new Query(
                kind,
                p,
                json.writeValueAsString(candidates.invoke(null, q, today, picked, 0, ranking.window())),
                meaning);
    }

    private String viaHandler(Query q) throws IOException {
        toHandler.println(queryString(q.parameters()));
        toHandler.flush();
        String line = fromHandler.readLine();
        if (line == null) {
            throw new IllegalStateException("the handler's JVM ended");
        }
        String[] answer = line.split(" ", 3);
        if (!answer[0].equals("200")) {
            throw new IllegalStateException("the handler answered " + line + " to " + q.parameters());
        }
        handlerNanos = Long.parseLong(answer[1]);
        return answer[0];
    }

    private String viaHttp(Query q) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(stack.url() + "/search/offers?" + queryString(q.parameters())))
                        .header("authorization", "Bearer " + adviser)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET /search/offers answered " + r.statusCode() + " to " + q.parameters() + ": " + r.body());
        }
        return r.body();
    }

    private String direct(Query q) throws Exception {
        if (q.meaning() != null) {
            SentenceEmbeddings.shared().embed(q.meaning()); // what the function must do before it can ask
        }
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(openSearch + "/offers/_search"))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(q.body()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("OpenSearch answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String queryString(Map<String, String> p) {
        return p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static long total(String searchAnswer) {
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*(\\d+)")
                .matcher(searchAnswer);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    // ---------------------------------------------------------------- write to searchable

    /**
     * Single approved offers written through the store one at a time, each titled with a word no other offer has;
     * the clock runs from the write until {@code GET /search/offers?q=word} on the Netty server finds it.
     */
    private void lag() throws Exception {
        Random random = new Random(SEED + loaded);
        OfferStore store = stack.context().getBean(OfferStore.class);
        long[] lags = new long[LAG_SAMPLES];
        List<Offer> templates = generate(LAG_SAMPLES);
        int polls = 0;
        for (int i = 0; i < LAG_SAMPLES; i++) {
            StringBuilder word = new StringBuilder("lagword");
            for (int c = 0; c < 8; c++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            Offer o = templates.get(i);
            Offer offer = new Offer(
                    o.id(),
                    o.providerId(),
                    o.providerName(),
                    o.providerType(),
                    o.area(),
                    o.designations(),
                    new uk.sse.directory.model.OfferContent(
                            word + " " + o.content().title(),
                            o.content().description(),
                            o.content().areasOfSupport(),
                            o.content().phases(),
                            o.content().deliveryModes(),
                            o.content().capacityDaysPerTerm(),
                            o.content().priceCredits(),
                            o.content().dayRatePence(),
                            o.content().location(),
                            o.content().travelRadiusKm(),
                            o.content().availableFrom(),
                            o.content().availableUntil(),
                            o.content().evidence(),
                            o.content().contact()),
                    o.status(),
                    o.reviewDate(),
                    o.history(),
                    o.version(),
                    o.createdAt(),
                    o.updatedAt(),
                    o.signals());
            String url = stack.url() + "/search/offers?q=" + word;
            long t = System.nanoTime();
            store.create(offer, null);
            while (true) {
                polls++;
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("authorization", "Bearer " + adviser)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains(offer.id())) {
                    break;
                }
                if (System.nanoTime() - t > 60_000_000_000L) {
                    throw new IllegalStateException(offer.id() + " not searchable after 60 s");
                }
                Thread.sleep(5);
            }
            lags[i] = System.nanoTime() - t;
        }
        Arrays.sort(lags);
        System.out.printf(
                "write (OfferStore.create, APPROVED) to found by GET /search/offers: %d offers, median %.0f ms, p99 %.0f ms, "
                        + "min %.0f ms, max %.0f ms (%d polls)%n",
                LAG_SAMPLES, ms(pct(lags, 50)), ms(pct(lags, 99)), ms(lags[0]), ms(lags[lags.length - 1]), polls);
    }

    private static long pct(long[] sorted, int percentile) {
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
