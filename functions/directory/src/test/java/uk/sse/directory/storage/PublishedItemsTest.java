package uk.sse.directory.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.contracts.directory.PublishedItems;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.model.Phase;
import uk.sse.directory.model.ProviderType;
import uk.sse.directory.register.School;

/** The items the directory writes for its published state are the contract's kinds; its other items are none. */
class PublishedItemsTest {

    static final Instant AT = Instant.parse("2026-10-07T09:00:00Z");

    @Test
    void theCurrentOfferAndTheSchoolAreTheirKindsAndNothingElseIs() {
        Offer offer = new Offer(
                "off_1",
                "prv_hub",
                "Moorside Hub",
                ProviderType.HUB,
                "888",
                List.of(),
                new OfferContent(
                        "Phonics",
                        "Coaching",
                        List.of("CT.READ"),
                        List.of(Phase.PRIMARY),
                        List.of(DeliveryMode.IN_SCHOOL),
                        BigDecimal.ONE,
                        4,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                OfferStatus.DRAFT,
                null,
                List.of(),
                1,
                AT,
                AT,
                null);
        School school = new School(
                "100001",
                "Moorside Primary",
                "888",
                "Lancashire",
                "Community school",
                "Open",
                "Primary",
                null,
                null,
                null,
                null,
                null,
                null,
                "Preston",
                "PR1 1AA",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(kind(OfferItems.current(offer).build())).contains(PublishedItems.Kind.OFFER);
        assertThat(kind(SchoolItems.item(school).build())).contains(PublishedItems.Kind.SCHOOL);
        assertThat(kind(OfferItems.version(offer).build()))
                .as("an offer's version copy")
                .isEmpty();
    }

    private static java.util.Optional<PublishedItems.Kind> kind(Map<String, AttributeValue> item) {
        return PublishedItems.kindOf(
                item.get(PublishedItems.ENTITY).s(),
                item.get(PublishedItems.SORT_KEY).s());
    }
}
