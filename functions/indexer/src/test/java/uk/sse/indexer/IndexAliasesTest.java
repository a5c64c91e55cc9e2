package uk.sse.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.sse.kernel.search.SearchIndices;
import uk.sse.kernel.taxonomy.Taxonomy;

/** The alias's first index, and rebuilds that cannot go ahead. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexAliasesTest {

    private Harness h;

    @BeforeAll
    void start() {
        h = Harness.create("aliases");
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @BeforeEach
    void emptyIndices() {
        h.resetIndices();
    }

    @Test
    void instances_making_the_first_index_at_once_leave_one_index_behind_the_alias() {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // each instance names its index differently, as instances started in different seconds would
            IndexAliases aliases = new IndexAliases(
                    h.search, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), ZoneOffset.UTC));
            starts.add(CompletableFuture.runAsync(() -> {
                await(go);
                aliases.ensure(SearchIndices.OFFERS);
            }));
        }
        go.countDown();
        starts.forEach(CompletableFuture::join);

        assertThat(aliases().indicesBehind("offers")).hasSize(1);
    }

    @Test
    void a_rebuild_refuses_to_start_while_another_is_under_way() {
        aliases().ensure(SearchIndices.OFFERS);
        aliases().create(SearchIndices.OFFERS, "offers-half-built", "offers-next", null);

        assertThatThrownBy(() -> rebuild(h.table).rebuild(SearchIndices.OFFERS))
                .hasMessageContaining("offers-half-built");
    }

    @Test
    void a_rebuild_that_fails_leaves_the_live_index_as_it_was_and_removes_its_own() {
        h.directory.put(TestOffer.draft("L1"));
        h.handleNew();
        var live = aliases().indicesBehind("offers");

        assertThatThrownBy(() -> rebuild("no-such-table").rebuild(SearchIndices.OFFERS))
                .hasMessageContaining("live index is unchanged");

        assertThat(aliases().indicesBehind("offers")).isEqualTo(live);
        assertThat(aliases().indicesBehind("offers-next")).isEmpty();
        assertThat(h.count("offers-*")).isEqualTo(1);
    }

    @Test
    void a_write_meant_for_a_rebuild_that_ended_meanwhile_lands_on_the_live_alias_and_is_no_failure() {
        aliases().ensure(SearchIndices.OFFERS);
        // the targets were resolved while a rebuild ran; by the time of the write its -next alias is gone
        IndexChange put = new IndexChange.Put(
                "seq-1",
                SearchIndices.OFFERS,
                "E1",
                1,
                org.opensearch.client.opensearch._types.VersionType.External,
                java.util.Map.of("title", "Phonics for early readers"));
        BulkWriter writer = new BulkWriter(h.search);

        assertThat(writer.write(List.of(put), w -> List.of("offers", "offers-next")))
                .isEmpty();
        assertThat(h.get("offers", "E1").source()).containsEntry("title", "Phonics for early readers");
        // a change that reached no live alias still fails when its only target is missing
        IndexChange orphan = new IndexChange.Put(
                "seq-2",
                SearchIndices.OFFERS,
                "E2",
                1,
                org.opensearch.client.opensearch._types.VersionType.External,
                java.util.Map.of("title", "Maths mastery"));
        assertThat(writer.write(List.of(orphan), w -> List.of("offers-next"))).containsExactly("seq-2");
    }

    private IndexAliases aliases() {
        return h.handler.getApplicationContext().getBean(IndexAliases.class);
    }

    private IndexRebuild rebuild(String table) {
        DirectoryScan scan = new DirectoryScan(h.dynamo, table, new DirectoryItems(Taxonomy.standard()));
        return new IndexRebuild(
                h.search,
                aliases(),
                new BulkWriter(h.search),
                scan,
                new OfferEmbeddings(
                        h.search,
                        texts -> uk.sse.embeddings.SentenceEmbeddings.shared().embedAll(texts)),
                Clock.systemUTC(),
                Duration.ZERO);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
