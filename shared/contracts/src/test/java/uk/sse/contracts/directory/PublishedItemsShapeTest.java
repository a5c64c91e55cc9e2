package uk.sse.contracts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.contracts.Contract;
import uk.sse.contracts.Fields;

/** The directory's published items as records: what they write, what an older or newer item reads as, what is refused. */
class PublishedItemsShapeTest {

    static final PublishedOffer OFFER = new PublishedOffer(
            "off_1",
            "prv_hub",
            "Moorside Hub",
            "HUB",
            "888",
            List.of("MATHS_HUB"),
            "Phonics that sticks",
            "Coaching for early reading",
            "Reading ages up by a year",
            List.of("CT.READ"),
            List.of("PRIMARY"),
            List.of("IN_SCHOOL", "ONLINE"),
            new BigDecimal("6.5"),
            12,
            45_000L,
            53.76,
            -2.7,
            30,
            LocalDate.of(2026, 9, 1),
            LocalDate.of(2027, 7, 20),
            "APPROVED",
            LocalDate.of(2027, 9, 1),
            4,
            Instant.parse("2026-11-01T10:00:00Z"),
            new PublishedOffer.Signals(3, 2, 9, 5));

    static final PublishedSchool SCHOOL = new PublishedSchool(
            "100001",
            "Moorside Primary",
            "888",
            "Lancashire",
            "Community school",
            "Primary",
            "Preston",
            "PR1 1AA",
            53.76,
            -2.7,
            PublishedSchool.CLOSED,
            LocalDate.of(2024, 8, 31));

    /** The attributes as a stored item gives them back: every number a decimal, as DynamoDB's are. */
    static Map<String, Object> stored(Map<String, Object> attributes) {
        Map<String, Object> item = new HashMap<>();
        attributes.forEach((name, value) -> item.put(
                name,
                switch (value) {
                    case BigDecimal d -> new BigDecimal(d.toPlainString());
                    case Number n -> new BigDecimal(n.toString());
                    default -> value;
                }));
        return item;
    }

    static Map<String, Object> withKind(Map<String, Object> attributes, PublishedItems.Kind kind) {
        Map<String, Object> item = new HashMap<>(attributes);
        item.put(PublishedItems.ENTITY, kind.entity());
        item.put(PublishedItems.SORT_KEY, kind.sortKey());
        return item;
    }

    @Test
    void eachReadsBackAsWrittenFromAStoredItemsNumbers() {
        assertThat(PublishedOffer.from(stored(OFFER.attributes()))).isEqualTo(OFFER);
        assertThat(PublishedSchool.from(stored(SCHOOL.attributes()))).isEqualTo(SCHOOL);
        assertThat(OFFER.attributes()).containsEntry(Contract.VERSION, PublishedOffer.VERSION);
        assertThat(SCHOOL.attributes()).containsEntry(Contract.VERSION, PublishedSchool.VERSION);
    }

    @Test
    void absentValuesAndEmptyListsAreLeftOutAndReadBackAsAbsent() {
        PublishedOffer bare = new PublishedOffer(
                "off_2",
                "prv_hub",
                "Moorside Hub",
                "HUB",
                "888",
                List.of(),
                "Phonics",
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                "DRAFT",
                null,
                1,
                Instant.parse("2026-11-01T10:00:00Z"),
                null);
        assertThat(bare.attributes())
                .doesNotContainKeys("designations", "description", "areasOfSupport", "lat", "reviewDate")
                .containsEntry(PublishedOffer.SIGNALS_REVISION, 0L);
        assertThat(PublishedOffer.from(bare.attributes())).isEqualTo(bare);
        assertThat(bare.signals()).isEqualTo(PublishedOffer.Signals.NONE);
    }

    @Test
    void anItemWrittenBeforeTheShapeHadAVersionOrSignalsReadsAsVersionOne() {
        Map<String, Object> old = stored(OFFER.attributes());
        old.remove(Contract.VERSION);
        assertThat(PublishedOffer.from(old)).isEqualTo(OFFER);
        old.keySet()
                .removeAll(List.of(
                        PublishedOffer.COMPLETED_ENGAGEMENTS,
                        PublishedOffer.IMPACT_RATINGS,
                        PublishedOffer.IMPACT_TOTAL,
                        PublishedOffer.SIGNALS_REVISION));
        assertThat(PublishedOffer.from(old).signals()).isEqualTo(PublishedOffer.Signals.NONE);
        Map<String, Object> oldSchool = stored(SCHOOL.attributes());
        oldSchool.remove(Contract.VERSION);
        assertThat(PublishedSchool.from(oldSchool)).isEqualTo(SCHOOL);
        oldSchool.keySet().removeAll(List.of("status", "closedOn"));
        assertThat(PublishedSchool.from(oldSchool).isOpen())
                .as("a school published before it carried a status is open")
                .isTrue();
        assertThat(SCHOOL.isOpen()).isFalse();
    }

    @Test
    void unknownAttributesAndNewerVersionsRead() {
        Map<String, Object> newer = new HashMap<>(OFFER.attributes());
        newer.put(Contract.VERSION, 2);
        newer.put("languages", List.of("en", "cy"));
        newer.put("contact", Map.of("name", "A Lead"));
        newer.put("gsi1pk", "PROVIDER#prv_hub");
        assertThat(PublishedOffer.from(newer)).isEqualTo(OFFER);
        Map<String, Object> newerSchool = new HashMap<>(SCHOOL.attributes());
        newerSchool.put(Contract.VERSION, 7);
        newerSchool.put("ofstedRating", "Good");
        assertThat(PublishedSchool.from(newerSchool)).isEqualTo(SCHOOL);
    }

    @Test
    void aMissingOrMistypedAttributeIsNamed() {
        assertRefused(PublishedOffer::from, OFFER.attributes(), "title", null);
        assertRefused(PublishedOffer::from, OFFER.attributes(), "priceCredits", "twelve");
        assertRefused(PublishedOffer::from, OFFER.attributes(), "availableFrom", "next spring");
        assertRefused(PublishedOffer::from, OFFER.attributes(), "phases", "PRIMARY");
        assertRefused(PublishedOffer::from, OFFER.attributes(), "updatedAt", "yesterday");
        assertRefused(PublishedOffer::from, OFFER.attributes(), "lat", "north");
        assertRefused(PublishedOffer::from, OFFER.attributes(), "version", new BigDecimal("4.5"));
        assertRefused(PublishedSchool::from, SCHOOL.attributes(), "urn", null);
        assertRefused(PublishedSchool::from, SCHOOL.attributes(), "name", 12);
        assertRefused(PublishedSchool::from, SCHOOL.attributes(), Contract.VERSION, 0);
    }

    private static void assertRefused(
            java.util.function.Function<Map<String, Object>, ?> reader,
            Map<String, Object> attributes,
            String name,
            Object value) {
        Map<String, Object> broken = new HashMap<>(attributes);
        broken.put(name, value);
        assertThatThrownBy(() -> reader.apply(broken))
                .as(name + " = " + value)
                .isInstanceOf(Fields.Unreadable.class)
                .hasMessageContaining(name.equals(Contract.VERSION) ? "version" : name);
    }

    @Test
    void aDirectoryItemIsReadByItsKindAndOnlyThePublishedKindsAreRead() {
        assertThat(PublishedItems.read(withKind(OFFER.attributes(), PublishedItems.Kind.OFFER)))
                .contains(OFFER);
        assertThat(PublishedItems.read(withKind(SCHOOL.attributes(), PublishedItems.Kind.SCHOOL)))
                .contains(SCHOOL);
        Map<String, Object> versionCopy = new HashMap<>(OFFER.attributes());
        versionCopy.put(PublishedItems.ENTITY, "OFFER");
        versionCopy.put(PublishedItems.SORT_KEY, "V#0000000004");
        assertThat(PublishedItems.read(versionCopy)).isEmpty();
        assertThat(PublishedItems.read(Map.of(PublishedItems.ENTITY, "PROVIDER", PublishedItems.SORT_KEY, "PROFILE")))
                .isEmpty();
        assertThat(PublishedItems.read(Map.of("pk", "IDEMPOTENCY#x"))).isEmpty();
    }

    /** docs/events.md's section on the directory's published state names every attribute of both records. */
    @Test
    void theEventsDocumentNamesEveryPublishedAttribute() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/events.md"));
        String heading = "### What the directory publishes as state";
        int start = doc.indexOf(heading);
        assertThat(start).as("the section in docs/events.md").isNotNegative();
        String section = doc.substring(start, doc.indexOf("\n## ", start));
        for (PublishedItems.Item item : List.<PublishedItems.Item>of(OFFER, SCHOOL)) {
            item.attributes()
                    .keySet()
                    .forEach(name -> assertThat(section)
                            .as(
                                    "the section names %s of %s",
                                    name, item.getClass().getSimpleName())
                            .contains("`" + name + "`"));
        }
        assertThat(section).contains("`PublishedOffer`", "`PublishedSchool`");
    }
}
