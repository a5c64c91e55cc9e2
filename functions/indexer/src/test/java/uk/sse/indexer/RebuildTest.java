package uk.sse.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensearch.client.opensearch.core.SearchResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.kernel.search.SearchIndices;

/**
 * A rebuild behind the alias, while search and the stream handler keep running: search never comes back
 * empty or failing, and the rebuilt index equals the table, changes made during the rebuild included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildTest {

    private static final int OFFERS = 1_000;

    private Harness h;

    @BeforeAll
    void start() {
        h = Harness.create("rebuild");
        h.stream.next();
        h.resetIndices();
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @Test
    void a_rebuild_under_live_search_and_writes_ends_equal_to_the_table() throws Exception {
        List<TestOffer> offers = IntStream.range(0, OFFERS)
                .mapToObj(i -> TestOffer.draft("R" + i))
                .toList();
        h.directory.putAll(offers);
        var records = h.stream.next();
        h.handler.getApplicationContext().getBean(IndexAliases.class).ensure(SearchIndices.OFFERS);
        handleTimed("first", records);
        // the same offers again as version 2, now that the JVMs are warm
        List<TestOffer> second =
                offers.stream().map(o -> o.next("SUBMITTED", o.title())).toList();
        h.directory.putAll(second);
        handleTimed("second", h.stream.next());
        assertThat(h.count("offers")).isEqualTo(OFFERS);

        // the index drifts from the table: records that never reached it, documents lost from it
        h.directory.putAll(IntStream.range(OFFERS, OFFERS + 50)
                .mapToObj(i -> TestOffer.draft("R" + i))
                .toList());
        h.stream.next();
        for (int i = 0; i < 10; i++) {
            String id = "R" + i;
            h.search.delete(d -> d.index("offers").id(id));
        }
        String before = only(
                h.handler.getApplicationContext().getBean(IndexAliases.class).indicesBehind("offers"));

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<String> searchProblems = new CopyOnWriteArrayList<>();
        AtomicLong searches = new AtomicLong();
        CompletableFuture<Void> searcher = CompletableFuture.runAsync(() -> {
            while (rebuilding.get()) {
                try {
                    SearchResponse<Void> response = h.search.search(
                            s -> s.index("offers")
                                    .size(0)
                                    .trackTotalHits(t -> t.enabled(true))
                                    .query(q -> q.match(m -> m.field("title").query(v -> v.stringValue("phonics")))),
                            Void.class);
                    if (response.hits().total().value() == 0
                            || response.shards().failed() > 0) {
                        searchProblems.add("hits " + response.hits().total().value() + ", failed shards "
                                + response.shards().failed());
                    }
                    searches.incrementAndGet();
                } catch (Exception e) {
                    searchProblems.add(e.toString());
                }
            }
        });
        Map<String, TestOffer> edited = new HashMap<>();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 100; rebuilding.get(); i++) {
                TestOffer next = second.get(i % OFFERS).next("SUBMITTED", "Phonics, edited during the rebuild");
                h.directory.put(next);
                edited.put(next.id(), next);
                assertThat(h.handleNew().getBatchItemFailures()).isEmpty();
            }
        });

        String after;
        try {
            after = h.handler
                    .getApplicationContext()
                    .getBean(IndexRebuild.class)
                    .rebuild(SearchIndices.OFFERS);
        } finally {
            rebuilding.set(false);
        }
        writer.get();
        searcher.get();
        assertThat(h.handleNew().getBatchItemFailures()).isEmpty();

        System.out.printf("rebuild: %d searches and %d offer edits ran during it%n", searches.get(), edited.size());
        assertThat(searchProblems).isEmpty();
        assertThat(searches.get()).isPositive();
        IndexAliases aliases = h.handler.getApplicationContext().getBean(IndexAliases.class);
        assertThat(aliases.indicesBehind("offers")).containsExactly(after);
        assertThat(aliases.indicesBehind("offers-next")).isEmpty();
        assertThat(h.search.indices().exists(e -> e.index(before)).value()).isFalse();
        assertThat(indexedVersions()).isEqualTo(tableVersions());
        edited.values()
                .forEach(o -> assertThat(h.get("offers", o.id()).source()).containsEntry("title", o.title()));
    }

    @Test
    void the_rebuild_command_rebuilds_the_schools_index_from_the_table() {
        h.directory.putSchool("200001", "Brookside Primary", "Chorley");
        h.directory.putSchool("200002", "Riverside Academy", "Preston");
        h.stream.next();
        Map<String, String> properties = Map.of(
                "sse.opensearch.url",
                uk.sse.engines.Engines.openSearch().endpoint().toString(),
                "sse.aws.endpoint",
                uk.sse.engines.Engines.dynamo().endpoint().toString(),
                "sse.indexer.directory-table",
                h.table,
                "sse.indexer.old-index-grace",
                "0s");
        properties.forEach(System::setProperty);
        try {
            RebuildIndex.main(new String[] {"schools"});
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }

        assertThat(h.count("schools")).isEqualTo(2);
        assertThat(h.get("schools", "200002").source()).containsEntry("name", "Riverside Academy");
    }

    /** Prints the rate and asserts nothing about it: timing on a shared 2-core machine is noise. */
    private void handleTimed(
            String which,
            List<com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord> records) {
        assertThat(records).hasSize(OFFERS);
        long started = System.nanoTime();
        assertThat(h.handle(records).getBatchItemFailures()).isEmpty();
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        System.out.printf(
                "indexing throughput (%s batch): %d offers in one handler call (one bulk) in %d ms: %d docs/s%n",
                which, OFFERS, millis, OFFERS * 1000L / millis);
    }

    private Map<String, Long> indexedVersions() throws IOException {
        h.search.indices().refresh(r -> r.index("offers"));
        Map<String, Long> versions = new HashMap<>();
        h.search
                .search(s -> s.index("offers").size(5_000).version(true).source(src -> src.fetch(false)), Void.class)
                .hits()
                .hits()
                .forEach(hit -> versions.put(hit.id(), hit.version()));
        return versions;
    }

    private Map<String, Long> tableVersions() {
        Map<String, Long> versions = new HashMap<>();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        h.dynamo
                .scanPaginator(b -> b.tableName(h.table).consistentRead(true))
                .items()
                .forEach(items::add);
        items.stream()
                .filter(i -> "OFFER".equals(i.get("entity").s())
                        && "CURRENT".equals(i.get("sk").s()))
                .forEach(i -> versions.put(
                        i.get("id").s(), Long.valueOf(i.get("version").n()) * OfferDocuments.SIGNAL_REVISIONS));
        return versions;
    }

    private static String only(java.util.Set<String> indices) {
        assertThat(indices).hasSize(1);
        return indices.iterator().next();
    }
}
