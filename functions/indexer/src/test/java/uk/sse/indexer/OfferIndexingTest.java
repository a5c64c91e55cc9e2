package uk.sse.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensearch.client.opensearch._types.FieldValue;

/** Offers and schools written to the directory table reach the index through the stream handler. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferIndexingTest {

    private Harness h;

    @BeforeAll
    void start() {
        h = Harness.create("offers");
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @BeforeEach
    void emptyIndices() {
        h.stream.next();
        h.resetIndices();
    }

    @Test
    void an_inserted_offer_is_indexed_with_the_fields_search_needs() {
        h.directory.put(TestOffer.draft("O1"));

        assertThat(h.handleNew().getBatchItemFailures()).isEmpty();

        var doc = h.get("offers", "O1");
        assertThat(doc.found()).isTrue();
        assertThat(doc.version()).isEqualTo(1 * OfferDocuments.SIGNAL_REVISIONS);
        Map<String, Object> source = doc.source();
        assertThat(source)
                .containsEntry("id", "O1")
                .containsEntry("title", "Phonics catch-up for O1")
                .containsEntry("status", "DRAFT")
                .containsEntry("providerName", "Moorside Maths Hub")
                .containsEntry("providerType", "HUB")
                .containsEntry("area", "888")
                .containsEntry("evidence", "Reading ages up by a year")
                .containsEntry("availableFrom", "2026-09-01")
                .containsEntry("completedEngagements", 0)
                .containsEntry("averageImpact", 0.0)
                .containsEntry("priceCredits", 12)
                .containsEntry("version", 1);
        assertThat(source.get("areasOfSupport")).isEqualTo(List.of("CT.READ"));
        assertThat(source.get("areasOfSupportLineage")).isEqualTo(List.of("CT", "CT.READ"));
        assertThat(source.get("areaLabels")).isEqualTo(List.of("Curriculum and teaching", "Early reading and phonics"));
        assertThat(source.get("location")).isEqualTo(Map.of("lat", 52.58, "lon", -2.13));
        assertThat(source.get("deliveryModes")).isEqualTo(List.of("IN_PERSON", "ONLINE"));
        assertThat(source).doesNotContainKeys("contact", "history", "pk", "sk", "reviewDate");
    }

    /** Brokerage's outcomes change an offer's signals in place, without a new version: the document follows, in order. */
    @Test
    void quality_signals_updated_in_place_reach_the_document_and_an_older_record_is_refused() throws IOException {
        TestOffer offer = TestOffer.draft("O9");
        h.directory.put(offer);
        h.handleNew();
        Object embedding = h.get("offers", "O9").source().get("embedding");
        assertThat(embedding).isInstanceOf(String.class);
        var key = java.util.Map.of(
                "pk",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OFFER#O9"),
                "sk",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CURRENT"));
        for (int[] outcome : new int[][] {{1, 0}, {0, 4}, {0, 5}}) {
            h.dynamo.updateItem(b -> b.tableName(h.table)
                    .key(key)
                    .updateExpression(
                            "SET completedEngagements = if_not_exists(completedEngagements, :z) + :c, impactRatings = if_not_exists(impactRatings, :z) + :n, "
                                    + "impactTotal = if_not_exists(impactTotal, :z) + :t, signalsRevision = if_not_exists(signalsRevision, :z) + :one")
                    .expressionAttributeValues(java.util.Map.of(
                            ":z",
                            n(0),
                            ":one",
                            n(1),
                            ":c",
                            n(outcome[0]),
                            ":n",
                            n(outcome[1] > 0 ? 1 : 0),
                            ":t",
                            n(outcome[1]))));
        }
        var records = h.stream.next();
        assertThat(records).hasSize(3);
        assertThat(h.handle(records).getBatchItemFailures()).isEmpty();
        var doc = h.get("offers", "O9");
        assertThat(doc.version()).isEqualTo(OfferDocuments.SIGNAL_REVISIONS + 3);
        assertThat(doc.source())
                .containsEntry("completedEngagements", 1)
                .containsEntry("averageImpact", 4.5)
                .as("the same version keeps its embedding")
                .containsEntry("embedding", embedding);

        assertThat(h.handle(records.subList(0, 1)).getBatchItemFailures())
                .as("an older record replayed is done, not applied")
                .isEmpty();
        assertThat(h.get("offers", "O9").source()).containsEntry("averageImpact", 4.5);
    }

    /** The model runs once per offer version: a change that keeps the version takes the embedding already indexed. */
    @Test
    void an_offer_is_embedded_once_per_version() {
        h.directory.put(TestOffer.draft("O7"));
        h.handleNew();
        Map<String, Object> indexed = h.get("offers", "O7").source();
        List<List<String>> asked = new java.util.ArrayList<>();
        OfferEmbeddings counting = new OfferEmbeddings(h.search, texts -> {
            asked.add(texts);
            return uk.sse.embeddings.SentenceEmbeddings.shared().embedAll(texts);
        });
        Map<String, Object> sameVersion = new java.util.HashMap<>(indexed);
        sameVersion.remove("embedding");
        sameVersion.put("completedEngagements", 3);
        var kept = (IndexChange.Put) counting.embed(List.of(new IndexChange.Put(
                        "s1",
                        uk.sse.kernel.search.SearchIndices.OFFERS,
                        "O7",
                        OfferDocuments.SIGNAL_REVISIONS + 1,
                        org.opensearch.client.opensearch._types.VersionType.External,
                        sameVersion)))
                .get(0);
        assertThat(asked).isEmpty();
        assertThat(kept.document())
                .containsEntry("embedding", indexed.get("embedding"))
                .containsEntry("completedEngagements", 3);

        Map<String, Object> nextVersion = new java.util.HashMap<>(sameVersion);
        nextVersion.put("version", 2);
        nextVersion.put("title", "Governance review for boards");
        var made = (IndexChange.Put) counting.embed(List.of(new IndexChange.Put(
                        "s2",
                        uk.sse.kernel.search.SearchIndices.OFFERS,
                        "O7",
                        2 * OfferDocuments.SIGNAL_REVISIONS,
                        org.opensearch.client.opensearch._types.VersionType.External,
                        nextVersion)))
                .get(0);
        assertThat(asked)
                .singleElement()
                .isEqualTo(List.of("Governance review for boards. " + indexed.get("description")));
        assertThat(made.document().get("embedding")).isNotEqualTo(indexed.get("embedding"));
        // school documents and deletions pass through untouched
        var delete = new IndexChange.Delete(
                "s3",
                uk.sse.kernel.search.SearchIndices.OFFERS,
                "O7",
                3,
                org.opensearch.client.opensearch._types.VersionType.ExternalGte);
        assertThat(counting.embed(List.of(delete))).containsExactly(delete);
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue n(int value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Integer.toString(value));
    }

    @Test
    void edits_approval_withdrawal_and_lapse_reach_the_index_in_turn() throws IOException {
        TestOffer draft = TestOffer.draft("O2");
        h.directory.put(draft);
        TestOffer edited = draft.next("SUBMITTED", "Early reading leadership");
        h.directory.put(edited);
        h.handleNew();
        assertThat(h.get("offers", "O2").source())
                .containsEntry("title", "Early reading leadership")
                .containsEntry("status", "SUBMITTED");

        TestOffer approved = edited.approved(LocalDate.now().plusMonths(6));
        h.directory.put(approved);
        h.handleNew();
        var doc = h.get("offers", "O2");
        assertThat(doc.version()).isEqualTo(3 * OfferDocuments.SIGNAL_REVISIONS);
        assertThat(doc.source())
                .containsEntry("status", "APPROVED")
                .containsEntry("reviewDate", approved.reviewDate().toString());
        assertThat(visibleToAdvisers()).contains("O2");

        // an approval lapses by date, with no write: the document stays and the query-time rule hides it
        TestOffer lapsed = new TestOffer(
                "O3",
                2,
                "APPROVED",
                "Maths mastery",
                List.of("CT.MATHS"),
                LocalDate.now().minusDays(1),
                null,
                null,
                null);
        h.directory.put(lapsed);
        h.handleNew();
        assertThat(h.get("offers", "O3").found()).isTrue();
        assertThat(h.get("offers", "O3").source()).doesNotContainKey("location");
        assertThat(visibleToAdvisers()).contains("O2").doesNotContain("O3");

        h.directory.put(approved.next("WITHDRAWN", approved.title()));
        h.handleNew();
        assertThat(h.get("offers", "O2").source()).containsEntry("status", "WITHDRAWN");
        assertThat(visibleToAdvisers()).doesNotContain("O2");
    }

    @Test
    void removing_the_current_item_deletes_the_document() {
        h.directory.put(TestOffer.draft("O4"));
        h.handleNew();
        assertThat(h.get("offers", "O4").found()).isTrue();

        h.directory.remove("O4");
        assertThat(h.handleNew().getBatchItemFailures()).isEmpty();

        assertThat(h.get("offers", "O4").found()).isFalse();
    }

    @Test
    void a_record_older_than_what_is_indexed_leaves_the_newer_document() {
        TestOffer v1 = TestOffer.draft("O5");
        h.directory.put(v1);
        h.directory.put(v1.next("SUBMITTED", "Newer title"));
        var records = h.stream.next();
        var newest = records.stream()
                .filter(r -> r.getDynamodb().getKeys().get("sk").getS().equals("CURRENT"))
                .toList();

        h.handle(List.of(newest.get(1)));
        assertThat(h.handle(List.of(newest.get(0))).getBatchItemFailures()).isEmpty();

        var doc = h.get("offers", "O5");
        assertThat(doc.version()).isEqualTo(2 * OfferDocuments.SIGNAL_REVISIONS);
        assertThat(doc.source()).containsEntry("title", "Newer title");
    }

    @Test
    void providers_versions_and_idempotency_keys_are_not_indexed_and_schools_are() {
        h.directory.putProvider("P1");
        h.directory.putIdempotencyKey("k1");
        h.directory.put(TestOffer.draft("O6"));
        h.directory.putSchool("100001", "St Mary's CE Primary", "Preston");

        var response = h.handleNew();

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(h.count("offers")).isEqualTo(1);
        var school = h.get("schools", "100001");
        assertThat(school.source())
                .containsEntry("name", "St Mary's CE Primary")
                .containsEntry("town", "Preston")
                .containsEntry("laCode", "888")
                .containsEntry("phase", "Primary")
                .containsEntry("location", Map.of("lat", 53.76, "lon", -2.70));
        assertThat(school.version()).isPositive();
        assertThat(h.count("schools")).isEqualTo(1);
    }

    @Test
    void a_school_is_indexed_open_and_then_closed_with_the_day_it_closed() {
        h.directory.putSchool("100002", "Moorside Primary", "Preston");
        h.directory.putSchool("100003", "Old Moorside Primary", "Preston", "Closed", "2024-08-31");

        assertThat(h.handleNew().getBatchItemFailures()).isEmpty();
        assertThat(h.get("schools", "100002").source())
                .containsEntry("status", "open")
                .doesNotContainKey("closedOn");
        assertThat(h.get("schools", "100003").source())
                .containsEntry("status", "closed")
                .containsEntry("closedOn", "2024-08-31");

        h.directory.putSchool("100002", "Moorside Primary", "Preston", "Closed", "2026-12-07");
        assertThat(h.handleNew().getBatchItemFailures()).isEmpty();
        assertThat(h.get("schools", "100002").source())
                .containsEntry("status", "closed")
                .containsEntry("closedOn", "2026-12-07");
    }

    /** The advisers' rule, applied at query time: approved, and the review date not passed. */
    private List<String> visibleToAdvisers() throws IOException {
        h.search.indices().refresh(r -> r.index("offers"));
        String today = LocalDate.now().toString();
        return h
                .search
                .search(
                        s -> s.index("offers")
                                .size(100)
                                .query(q -> q.bool(b -> b.filter(f ->
                                                f.term(t -> t.field("status").value(FieldValue.of("APPROVED"))))
                                        .filter(f -> f.range(r -> r.field("reviewDate")
                                                .gte(org.opensearch.client.json.JsonData.of(today)))))),
                        Map.class)
                .hits()
                .hits()
                .stream()
                .map(hit -> hit.id())
                .toList();
    }
}
