package uk.sse.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.contracts.directory.PublishedOffer;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * Whatever order the stream's records arrive in, however often each comes, and however they are batched,
 * the index ends equal to the table: each offer's last version, and no document for a removed one.
 */
class ConvergencePropertyTest {

    private static Harness h;
    private static List<DynamodbStreamRecord> records;
    private static Map<String, TestOffer> last;

    private static synchronized void writeHistory() {
        if (h != null) {
            return;
        }
        h = Harness.create("convergence");
        TestOffer a = TestOffer.draft("A");
        TestOffer b = TestOffer.draft("B");
        TestOffer c = TestOffer.draft("C");
        List<TestOffer> history = new ArrayList<>(List.of(a, b, c));
        a = a.next("SUBMITTED", "A, edited");
        history.add(a);
        a = a.approved(LocalDate.of(2027, 6, 1));
        history.add(a);
        b = b.next("SUBMITTED", "B, edited");
        history.add(b);
        a = a.next("WITHDRAWN", a.title());
        history.add(a);
        c = c.next("CHANGES_REQUESTED", "C, edited");
        history.add(c);
        b = b.next("REJECTED", b.title());
        history.add(b);
        history.forEach(h.directory::put);
        h.directory.remove("C");
        records = h.stream.next();
        last = Map.of("A", a, "B", b);
    }

    @AfterContainer
    static void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Property(tries = 25)
    void shuffled_duplicated_and_rebatched_records_converge_on_the_table(
            @ForAll("deliveries") List<Integer> order, @ForAll @IntRange(min = 1, max = 8) int batchSize) {
        h.resetIndices();
        List<DynamodbStreamRecord> delivered = order.stream().map(records::get).toList();

        for (int from = 0; from < delivered.size(); from += batchSize) {
            var response = h.handle(delivered.subList(from, Math.min(from + batchSize, delivered.size())));
            assertThat(response.getBatchItemFailures()).isEmpty();
        }

        for (TestOffer offer : last.values()) {
            var doc = h.get("offers", offer.id());
            assertThat(doc.version()).isEqualTo(offer.version() * OfferDocuments.SIGNAL_REVISIONS);
            assertThat(doc.source()).containsEntry("title", offer.title()).containsEntry("status", offer.status());
            Map<String, Object> source = new java.util.HashMap<>(doc.source());
            Map<String, Object> current = documentOfCurrentItem(offer.id());
            // the embedding is of the current version's words
            assertThat(source.remove("embeddingModel")).isEqualTo(uk.sse.embeddings.SentenceEmbeddings.MODEL);
            float[] embedded = uk.sse.embeddings.Vectors.decode((String) source.remove("embedding"));
            assertThat(uk.sse.embeddings.Vectors.dot(
                            embedded,
                            uk.sse.embeddings.SentenceEmbeddings.shared().embed(OfferEmbeddings.text(current))))
                    .isGreaterThan(0.99);
            assertThat(source).isEqualTo(current);
        }
        assertThat(h.get("offers", "C").found()).isFalse();
        assertThat(h.count("offers")).isEqualTo(last.size());
    }

    @Provide
    Arbitrary<List<Integer>> deliveries() {
        writeHistory();
        int n = records.size();
        return Arbitraries.integers().between(0, n - 1).list().ofMaxSize(2 * n).flatMap(extra -> {
            List<Integer> all = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            all.addAll(extra);
            return Arbitraries.shuffle(all);
        });
    }

    /** What the table holds now, read back and turned into a document, compared as JSON would be. */
    private static Map<String, Object> documentOfCurrentItem(String id) {
        Map<String, AttributeValue> item = h.dynamo
                .getItem(g -> g.tableName(h.table)
                        .consistentRead(true)
                        .key(Map.of("pk", AttributeValue.fromS("OFFER#" + id), "sk", AttributeValue.fromS("CURRENT"))))
                .item();
        Map<String, Object> expected =
                OfferDocuments.document(PublishedOffer.from(Items.of(item).attributes()), Taxonomy.standard());
        return JsonRoundTrip.of(expected);
    }
}
