package uk.sse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.directory.application.OfferStore;
import uk.sse.directory.model.AssuranceAction;
import uk.sse.directory.model.AssuranceRecord;
import uk.sse.directory.model.Contact;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.model.Phase;
import uk.sse.directory.model.Provider;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.ids.Ids;
import uk.sse.testing.Polling;

/**
 * Create, submit, approve, edit, suspend, withdraw and expiry through the HTTP API, followed through the
 * table's stream into the offers index and out of the adviser's search.
 */
class ApiToSearchFlowTest {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final Random RANDOM = new Random();

    /**
     * A made-up word the ranking counts a strong match for the one offer whose title has it (topical 0.73 against the
     * floor of 0.6), so the facets, which count strong matches, have that offer. A random word's meaning to the model
     * decides this: about one in fifteen random words leaves its exact-title offer under the floor.
     */
    static final String STRONG_WORD = "zqpglyesfm";

    static LocalSystem stack;
    static JsonMapper mapper;
    static final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final List<String> lags = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        stack = LocalSystem.start(new String[0], Map.of("micronaut.server.port", -1));
        mapper = stack.context().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        System.out.println("write-to-searchable lags: " + lags);
        stack.close();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void aDraftIsIndexedButAdvisersCannotFindIt() throws Exception {
        String word = word();
        var created = create(word);
        String id = (String) created.body().get("id");

        var doc = awaitDoc(id, d -> "DRAFT".equals(d.get("status")) && version(d) == 1);
        assertThat(doc).containsEntry("status", "DRAFT").containsEntry("title", title(word));
        assertThat(version(doc)).isEqualTo(1);

        refresh();
        assertThat(rawSearch(word)).as("the engine itself matches the word").contains(id);
        assertThat(searchIds(word))
                .as("but the adviser's search leaves drafts out")
                .doesNotContain(id);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApprovalReachesTheAdvisersSearchWithItsFacets() throws Exception {
        String word = STRONG_WORD;
        String id = (String) create(word).body().get("id");
        decide(Role.PROVIDER, id, AssuranceAction.SUBMIT, null, null);
        awaitDoc(id, d -> "SUBMITTED".equals(d.get("status")) && version(d) == 2);
        refresh();
        assertThat(searchIds(word)).as("submitted is not yet assured").doesNotContain(id);

        LocalDate review = today().plusMonths(11);
        long approvedAt =
                decide(Role.ASSURER, id, AssuranceAction.APPROVE, null, review).at();
        lag("approve", approvedAt, awaitSearch(word, id, true));

        var doc = doc(id);
        assertThat(doc).containsEntry("status", "APPROVED").containsEntry("reviewDate", review.toString());
        assertThat(version(doc)).isEqualTo(3);

        var found = search(word);
        var hits = (List<Map<String, Object>>) found.get("hits");
        assertThat(hits)
                .singleElement()
                .satisfies(h -> assertThat(h)
                        .containsEntry("id", id)
                        .containsEntry("status", "APPROVED")
                        .containsEntry("reviewDate", review.toString()));
        var facets = (List<Map<String, Object>>) found.get("facets");
        assertThat(facets).anySatisfy(f -> {
            assertThat(f).containsEntry("field", "areasOfSupport");
            assertThat((List<Map<String, Object>>) f.get("counts"))
                    .containsExactly(Map.of("value", "CT.READ", "count", 1));
        });
    }

    @Test
    void anEditReplacesTheWordsOnceItIsAssuredAgain() throws Exception {
        String before = word();
        String after = word();
        String id = approved(before, today().plusMonths(6));
        awaitSearch(before, id, true);

        var current = get("/offers/" + id, Role.PROVIDER);
        assertThat(current.statusCode()).isEqualTo(200);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"v3\"");

        var stale = send(
                HttpRequest.newBuilder(uri("/offers/" + id))
                        .header("If-Match", "\"v2\"")
                        .PUT(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(offerBody(after)))),
                Role.PROVIDER);
        assertThat(stale.statusCode()).as("an old ETag is refused").isEqualTo(412);

        var edited = send(
                HttpRequest.newBuilder(uri("/offers/" + id))
                        .header("If-Match", etag)
                        .PUT(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(offerBody(after)))),
                Role.PROVIDER);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.headers().firstValue("ETag")).hasValue("\"v4\"");

        // an approved offer's edit goes back for assurance
        var doc = awaitDoc(id, d -> version(d) == 4);
        assertThat(doc).containsEntry("status", "SUBMITTED").containsEntry("title", title(after));
        refresh();
        assertThat(searchIds(before)).doesNotContain(id);
        assertThat(searchIds(after)).doesNotContain(id);

        long approvedAt = decide(Role.ASSURER, id, AssuranceAction.APPROVE, null, today().plusMonths(6))
                .at();
        lag("re-approve after edit", approvedAt, awaitSearch(after, id, true));
        assertThat(version(doc(id))).isEqualTo(5);
        refresh();
        assertThat(searchIds(after)).contains(id);
        assertThat(searchIds(before)).as("the old title word is gone").doesNotContain(id);
    }

    @Test
    void suspendedReapprovedAndWithdrawnEachReachTheIndexAndTheSearch() throws Exception {
        String word = word();
        String id = approved(word, today().plusMonths(3));
        awaitSearch(word, id, true);

        decide(Role.ASSURER, id, AssuranceAction.SUSPEND, "safeguarding check pending", null);
        var suspended = awaitDoc(id, d -> version(d) == 4);
        assertThat(suspended).containsEntry("status", "SUSPENDED");
        refresh();
        assertThat(searchIds(word)).as("suspended").doesNotContain(id);

        long reapprovedAt = decide(Role.ASSURER, id, AssuranceAction.APPROVE, null, today().plusMonths(9))
                .at();
        lag("re-approve after suspension", reapprovedAt, awaitSearch(word, id, true));
        var reapproved = doc(id);
        assertThat(reapproved)
                .containsEntry("status", "APPROVED")
                .containsEntry("reviewDate", today().plusMonths(9).toString());
        assertThat(version(reapproved)).isEqualTo(5);

        decide(Role.PROVIDER, id, AssuranceAction.WITHDRAW, null, null);
        var withdrawn = awaitDoc(id, d -> version(d) == 6);
        assertThat(withdrawn).containsEntry("status", "WITHDRAWN");
        refresh();
        assertThat(searchIds(word)).as("withdrawn").doesNotContain(id);
    }

    @Test
    void aReviewDateOfTomorrowIsIndexedAndStillFoundToday() throws Exception {
        String word = word();
        LocalDate tomorrow = today().plusDays(1);
        String id = create(word).body().get("id").toString();
        decide(Role.PROVIDER, id, AssuranceAction.SUBMIT, null, null);
        long approvedAt = decide(Role.ASSURER, id, AssuranceAction.APPROVE, null, tomorrow)
                .at();
        lag("approve (review tomorrow)", approvedAt, awaitSearch(word, id, true));
        var doc = doc(id);
        assertThat(doc).containsEntry("status", "APPROVED").containsEntry("reviewDate", tomorrow.toString());
        assertThat(version(doc)).isEqualTo(3);
    }

    @Test
    void anApprovalDueTodayIsFoundButALapsedOneIsIndexedAndNeverFound() throws Exception {
        String dueWord = word();
        String lapsedWord = word();
        String due = store(dueWord, today());
        String lapsed = store(lapsedWord, today().minusDays(1));

        assertThat(awaitDoc(due, d -> "APPROVED".equals(d.get("status"))))
                .containsEntry("reviewDate", today().toString());
        assertThat(awaitDoc(lapsed, d -> "APPROVED".equals(d.get("status"))))
                .containsEntry("reviewDate", today().minusDays(1).toString());
        refresh();
        assertThat(rawSearch(lapsedWord))
                .as("the engine matches the lapsed offer")
                .contains(lapsed);
        assertThat(searchIds(dueWord)).as("due for review today: still visible").contains(due);
        assertThat(searchIds(lapsedWord)).as("review date passed: never found").doesNotContain(lapsed);
        assertThat(get("/offers/" + lapsed, Role.ADVISER).statusCode())
                .as("nor is it served to advisers by id")
                .isEqualTo(404);
    }

    @Test
    void fiveProvidersThreadsEachCreateAndApproveFourOffersAtOnce() throws Exception {
        String batch = word();
        int threads = 5;
        int each = 4;
        CyclicBarrier together = new CyclicBarrier(threads);
        Map<String, Long> approvedAt = new ConcurrentHashMap<>();
        Map<String, String> words = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    together.await();
                    for (int i = 0; i < each; i++) {
                        String word = word();
                        var body = offerBody(word);
                        body.put("description", "Batch " + batch + ": six coaching sessions.");
                        String id = (String)
                                post("/offers", body, Role.PROVIDER).body().get("id");
                        decide(Role.PROVIDER, id, AssuranceAction.SUBMIT, null, null);
                        approvedAt.put(
                                id,
                                decide(Role.ASSURER, id, AssuranceAction.APPROVE, null, today().plusMonths(4))
                                        .at());
                        words.put(id, word);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(approvedAt).hasSize(threads * each);

        // first time each id is seen in the adviser's search for the batch word
        Map<String, Long> seen = new HashMap<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (seen.size() < approvedAt.size() && System.nanoTime() < deadline) {
            long now = System.nanoTime();
            searchIds(batch).forEach(id -> seen.putIfAbsent(id, now));
            Thread.sleep(50);
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(approvedAt.keySet());
        List<Long> ms = approvedAt.entrySet().stream()
                .map(e -> (seen.get(e.getKey()) - e.getValue()) / 1_000_000)
                .sorted()
                .toList();
        lags.add("concurrent 20 approvals: min " + ms.get(0) + " ms, median " + ms.get(ms.size() / 2) + " ms, max "
                + ms.get(ms.size() - 1) + " ms");

        for (String id : approvedAt.keySet()) {
            var doc = doc(id);
            assertThat(doc).as(id).containsEntry("status", "APPROVED").containsEntry("title", title(words.get(id)));
            assertThat(version(doc)).as(id).isEqualTo(3);
        }
        assertThat(((Number) search(batch).get("total")).intValue()).isEqualTo(threads * each);
    }

    // --- the API

    record Reply(int status, Map<String, Object> body, long at) {}

    static Map<String, Object> offerBody(String word) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title(word));
        body.put("description", "Six coaching sessions for Year 2 teachers.");
        body.put("areasOfSupport", List.of("CT.READ"));
        body.put("phases", List.of("PRIMARY"));
        body.put("deliveryModes", List.of("COACHING"));
        body.put("capacityDaysPerTerm", 3);
        body.put("priceCredits", 18);
        body.put("contact", Map.of("name", "Reading lead", "email", "reading@example.org"));
        return body;
    }

    static String title(String word) {
        return "Fluency coaching " + word;
    }

    static Reply create(String word) throws Exception {
        return post("/offers", offerBody(word), Role.PROVIDER);
    }

    /** Created, submitted and approved through the API; version 3. */
    static String approved(String word, LocalDate review) throws Exception {
        String id = (String) create(word).body().get("id");
        decide(Role.PROVIDER, id, AssuranceAction.SUBMIT, null, null);
        decide(Role.ASSURER, id, AssuranceAction.APPROVE, null, review);
        return id;
    }

    static Reply decide(Role role, String id, AssuranceAction action, String reason, LocalDate review)
            throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action.name());
        if (reason != null) {
            body.put("reason", reason);
        }
        if (review != null) {
            body.put("reviewDate", review.toString());
        }
        var reply = post("/offers/" + id + "/assurance", body, role);
        assertThat(reply.status()).as(action + " " + reply.body()).isEqualTo(200);
        return reply;
    }

    static Reply post(String path, Map<String, Object> body, Role role) throws Exception {
        var reply = send(
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))),
                role);
        long at = System.nanoTime();
        assertThat(reply.statusCode()).as(path + " " + reply.body()).isIn(200, 201);
        return new Reply(reply.statusCode(), read(reply.body()), at);
    }

    static HttpResponse<String> get(String path, Role role) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), role);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, Role role) throws IOException, InterruptedException {
        return http.send(
                request.header("Authorization", "Bearer " + stack.token(role))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String path) {
        return URI.create(stack.url() + path);
    }

    static Map<String, Object> search(String q) throws Exception {
        var reply = get("/search/offers?q=" + q + "&size=50", Role.ADVISER);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return read(reply.body());
    }

    @SuppressWarnings("unchecked")
    static List<String> searchIds(String q) throws Exception {
        return ((List<Map<String, Object>>) search(q).get("hits"))
                .stream().map(h -> (String) h.get("id")).toList();
    }

    /** Polls the adviser's search until the id is (or is not) among the hits; the time it was first seen so. */
    static long awaitSearch(String q, String id, boolean present) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            boolean found = searchIds(q).contains(id);
            long now = System.nanoTime();
            if (found == present) {
                return now;
            }
            assertThat(now)
                    .as("search for " + q + (present ? " to return " : " to drop ") + id + " within " + DEADLINE)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    static void lag(String what, long writtenAt, long searchableAt) {
        lags.add(what + ": " + (searchableAt - writtenAt) / 1_000_000 + " ms");
    }

    // --- OpenSearch directly

    static Map<String, Object> doc(String id) throws Exception {
        var reply = http.send(
                HttpRequest.newBuilder(URI.create(stack.openSearch().endpoint() + "/offers/_doc/" + id))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() == 404) {
            return null;
        }
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        var got = read(reply.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> source = new HashMap<>((Map<String, Object>) got.get("_source"));
        // the index is versioned externally by the offer's version, then its quality signals' revision (none here)
        assertThat(((Number) got.get("_version")).longValue())
                .isEqualTo(version(source) * uk.sse.indexer.OfferDocuments.SIGNAL_REVISIONS);
        return source;
    }

    /** Polls the document until it passes or the deadline; then asserts it passed. */
    static Map<String, Object> awaitDoc(String id, Predicate<Map<String, Object>> wanted) throws Exception {
        Map<String, Object> doc = Polling.until(() -> doc(id), d -> d != null && wanted.test(d), DEADLINE);
        assertThat(doc).as("document " + id + " within " + DEADLINE).isNotNull().matches(wanted);
        return doc;
    }

    static long version(Map<String, Object> doc) {
        return ((Number) doc.get("version")).longValue();
    }

    /** Makes everything indexed so far searchable, so that an absence is not just refresh lag. */
    static void refresh() throws Exception {
        var reply = http.send(
                HttpRequest.newBuilder(URI.create(stack.openSearch().endpoint() + "/offers/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    }

    /** The ids the engine matches for the word, without the search API's visibility rules. */
    @SuppressWarnings("unchecked")
    static List<String> rawSearch(String word) throws Exception {
        var reply = http.send(
                HttpRequest.newBuilder(URI.create(stack.openSearch().endpoint() + "/offers/_search"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                mapper.writeValueAsString(Map.of("query", Map.of("match", Map.of("title", word))))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        var hits = (List<Map<String, Object>>)
                ((Map<String, Object>) read(reply.body()).get("hits")).get("hits");
        return hits.stream().map(h -> (String) h.get("_id")).toList();
    }

    // --- the store, for what the API cannot make: an approval whose review date is today or past

    static String store(String word, LocalDate review) {
        Provider provider = stack.demo().providers().stream()
                .filter(p -> p.id().equals(stack.demoSchool()))
                .findFirst()
                .orElseThrow();
        Instant approvedAt = review.minusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        OfferContent content = new OfferContent(
                title(word),
                "Six coaching sessions for Year 2 teachers.",
                List.of("CT.READ"),
                List.of(Phase.PRIMARY),
                List.of(DeliveryMode.COACHING),
                BigDecimal.valueOf(3),
                18,
                null,
                provider.location(),
                null,
                null,
                null,
                null,
                new Contact("Reading lead", "reading@example.org", null));
        var history = List.of(
                new AssuranceRecord(
                        approvedAt.minusSeconds(3600),
                        "provider",
                        AssuranceAction.SUBMIT,
                        OfferStatus.DRAFT,
                        OfferStatus.SUBMITTED,
                        null,
                        null,
                        2),
                new AssuranceRecord(
                        approvedAt,
                        "assurer",
                        AssuranceAction.APPROVE,
                        OfferStatus.SUBMITTED,
                        OfferStatus.APPROVED,
                        null,
                        review,
                        3));
        Offer offer = new Offer(
                Ids.newId("off"),
                provider.id(),
                provider.name(),
                provider.type(),
                provider.area(),
                provider.designations(),
                content,
                OfferStatus.APPROVED,
                review,
                history,
                3,
                approvedAt.minusSeconds(7200),
                approvedAt,
                null);
        assertThat(stack.context().getBean(OfferStore.class).create(offer, null))
                .isTrue();
        return offer.id();
    }

    static Map<String, Object> read(String json) throws IOException {
        return mapper.readValue(json, Argument.mapOf(String.class, Object.class));
    }

    /** Ten random letters: far (more than two edits) from any English word and from each other. */
    static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }
}
