package uk.sse.notifier.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.directory.model.AssuranceAction;
import uk.sse.directory.model.AssuranceRecord;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.OfferEvents;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.model.Phase;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.events.EventEnvelope;

/** Offer events built by the directory's own code ({@link OfferEvents}), as its stream carries them. */
public final class DirectoryOffers {

    private DirectoryOffers() {}

    /** Version 2 of an offer: its provider ({@code by}) submitted it for assurance. */
    public static EventEnvelope submitted(
            String offerId,
            String area,
            String providerName,
            ProviderType providerType,
            String title,
            List<String> areasOfSupport,
            long priceCredits,
            String by) {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        OfferContent content = new OfferContent(
                title,
                "Coaching for early reading",
                areasOfSupport,
                List.of(Phase.PRIMARY),
                List.of(DeliveryMode.IN_SCHOOL),
                BigDecimal.TEN,
                priceCredits,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Offer offer = new Offer(
                offerId,
                "prv_" + offerId,
                providerName,
                providerType,
                area,
                List.of(),
                content,
                OfferStatus.SUBMITTED,
                null,
                List.of(new AssuranceRecord(
                        at, by, AssuranceAction.SUBMIT, OfferStatus.DRAFT, OfferStatus.SUBMITTED, null, null, 2)),
                2,
                at,
                at,
                null);
        DirectoryEvent.OfferChanged e = OfferEvents.of(offer);
        return new EventEnvelope(e.type(), e.eventId(), e.occurredAt(), e.area(), e.data());
    }
}
