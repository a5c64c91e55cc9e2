package uk.sse.architecture.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.VersionType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.directory.model.Contact;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.Evidence;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.model.Phase;
import uk.sse.directory.model.ProviderType;
import uk.sse.directory.model.QualitySignals;
import uk.sse.directory.register.School;
import uk.sse.directory.storage.OfferItems;
import uk.sse.directory.storage.SchoolItems;
import uk.sse.indexer.DirectoryItems;
import uk.sse.indexer.IndexChange;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.search.SearchIndices;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.reporting.model.Change;
import uk.sse.reporting.projection.Projector;
import uk.sse.reporting.projection.SourceItems;

/**
 * The directory's published items ({@code PublishedOffer}, {@code PublishedSchool}), written by the directory's own
 * storage code ({@link OfferItems}, {@link SchoolItems}), fed to the functions that mirror them: the indexer's
 * documents and reporting's schools. A changed shape, or a consumer reading an attribute the directory no longer
 * writes, fails here, in the build.
 */
class EveryConsumerReadsThePublishedItemsTest {

    static final Instant AT = Instant.parse("2026-10-07T09:00:00Z");

    static Offer offer(OfferStatus status, LocalDate review, Contact contact) {
        OfferContent content = new OfferContent(
                "Phonics that sticks",
                "Coaching for early reading",
                List.of("CT.READ"),
                List.of(Phase.PRIMARY),
                List.of(DeliveryMode.values()[0]),
                new BigDecimal("6.5"),
                4,
                45_000L,
                new GeoPoint(53.76, -2.7),
                30,
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2027, 7, 20),
                new Evidence("Reading ages up by a year", List.of("https://example.org/r")),
                contact);
        return new Offer(
                "off_1",
                "prv_hub",
                "Moorside Hub",
                ProviderType.HUB,
                "888",
                List.of(Designation.ENGLISH_HUB),
                content,
                status,
                review,
                List.of(),
                3,
                AT,
                AT.plusSeconds(60),
                new QualitySignals(2, 2, 9, 4));
    }

    static School school() {
        return new School(
                "100001",
                "Moorside Primary",
                "888",
                "Lancashire",
                "Community school",
                "Open",
                "Primary",
                4,
                11,
                210,
                12.5,
                "1 Moor Lane",
                null,
                "Preston",
                "PR1 1AA",
                null,
                "North West",
                354000,
                429000,
                53.76,
                -2.7,
                null,
                null,
                "Urban",
                null,
                null,
                null);
    }

    private final DirectoryItems indexer = new DirectoryItems(Taxonomy.standard());
    private final Projector reporting =
            new Projector(new SourceItems(EveryConsumerReadsEveryEventTest.JSON), null, null, null, Clock.systemUTC());

    @Test
    void theIndexerMakesAnOffersDocumentOfTheDirectorysCurrentOfferAndDeletesItWhenRemoved() {
        Offer offer = offer(OfferStatus.APPROVED, LocalDate.of(2027, 9, 1), new Contact("A Lead", "a@x.org", null));
        Map<String, AttributeValue> item = OfferItems.current(offer).build();

        IndexChange put = indexer.change("scan", Items.of(item), false, 0).orElseThrow();
        assertThat(put).isInstanceOfSatisfying(IndexChange.Put.class, p -> {
            assertThat(p.index()).isEqualTo(SearchIndices.OFFERS);
            assertThat(p.id()).isEqualTo("off_1");
            assertThat(p.version()).isEqualTo(3 * 1_000_000L + 4);
            assertThat(p.versionType()).isEqualTo(VersionType.External);
            assertThat(p.document())
                    .containsEntry("title", "Phonics that sticks")
                    .containsEntry("providerName", "Moorside Hub")
                    .containsEntry("providerType", "HUB")
                    .containsEntry("designations", List.of("ENGLISH_HUB"))
                    .containsEntry("evidence", "Reading ages up by a year")
                    .containsEntry("areasOfSupport", List.of("CT.READ"))
                    .containsEntry("phases", List.of("PRIMARY"))
                    .containsEntry("capacityDaysPerTerm", new BigDecimal("6.5"))
                    .containsEntry("priceCredits", 4L)
                    .containsEntry("dayRatePence", 45_000L)
                    .containsEntry("location", Map.of("lat", 53.76, "lon", -2.7))
                    .containsEntry("travelRadiusKm", 30)
                    .containsEntry("availableFrom", "2026-09-01")
                    .containsEntry("status", "APPROVED")
                    .containsEntry("reviewDate", "2027-09-01")
                    .containsEntry("completedEngagements", 2L)
                    .containsEntry("averageImpact", 4.5)
                    .containsEntry("version", 3L)
                    .containsEntry("updatedAt", AT.plusSeconds(60).toString())
                    .doesNotContainKeys("contact", "history", "gsi1pk");
        });

        assertThat(indexer.change("stream", Items.of(item), true, 0))
                .get()
                .isInstanceOfSatisfying(
                        IndexChange.Delete.class,
                        d -> assertThat(List.of(d.id(), d.version())).containsExactly("off_1", 3 * 1_000_000L + 4));
    }

    @Test
    void theIndexerPassesOverAnOffersVersionCopyAndReportingOverOffers() {
        Offer draft = offer(OfferStatus.DRAFT, null, null);
        assertThat(indexer.change("scan", Items.of(OfferItems.version(draft).build()), false, 0))
                .isEmpty();
        assertThat(indexer.change("scan", Items.of(OfferItems.current(draft).build()), false, 0))
                .isPresent();
        assertThat(reporting.readScanned(OfferItems.current(draft).build(), AT))
                .isInstanceOf(SourceItems.Read.Ignored.class);
    }

    @Test
    void theIndexerAndReportingMirrorTheDirectorysSchool() {
        Map<String, AttributeValue> item = SchoolItems.item(school()).build();

        assertThat(indexer.change("scan", Items.of(item), false, 42).orElseThrow())
                .isInstanceOfSatisfying(IndexChange.Put.class, p -> {
                    assertThat(List.of(p.index(), p.id(), p.version(), p.versionType()))
                            .containsExactly(SearchIndices.SCHOOLS, "100001", 42L, VersionType.ExternalGte);
                    assertThat(p.document())
                            .containsEntry("name", "Moorside Primary")
                            .containsEntry("laCode", "888")
                            .containsEntry("laName", "Lancashire")
                            .containsEntry("type", "Community school")
                            .containsEntry("phase", "Primary")
                            .containsEntry("town", "Preston")
                            .containsEntry("postcode", "PR1 1AA")
                            .containsEntry("location", Map.of("lat", 53.76, "lon", -2.7))
                            .containsEntry("status", "open")
                            .doesNotContainKeys("pupils", "street", "closedOn");
                });

        assertThat(reporting.readScanned(item, AT))
                .isEqualTo(new SourceItems.Read.Changed(
                        new Change.SchoolProfile("100001", "Moorside Primary", "888", "Lancashire", "Primary", AT)));
    }
}
