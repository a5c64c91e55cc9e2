package uk.sse.directory.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.sse.contracts.directory.PublishedItems;
import uk.sse.contracts.directory.PublishedOffer;
import uk.sse.directory.model.AssuranceAction;
import uk.sse.directory.model.AssuranceRecord;
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
import uk.sse.kernel.dynamo.Items;

/**
 * Offer items: the current one carries the index keys, each version a plain copy. Public for the test in
 * {@code shared/architecture} that feeds the directory's own items to the functions that mirror them.
 */
public final class OfferItems {

    /** Published state (other functions mirror it): its entity and sort key are the contract's. */
    static final String ENTITY = PublishedItems.Kind.OFFER.entity();

    static final String CURRENT = PublishedItems.Kind.OFFER.sortKey();
    /** The quality signals' attributes, which brokerage's outcomes update in place (see DynamoOfferStore). */
    static final String COMPLETED = PublishedOffer.COMPLETED_ENGAGEMENTS;

    static final String IMPACT_RATINGS = PublishedOffer.IMPACT_RATINGS;
    static final String IMPACT_TOTAL = PublishedOffer.IMPACT_TOTAL;
    static final String SIGNALS_REVISION = PublishedOffer.SIGNALS_REVISION;

    private OfferItems() {}

    static String pk(String id) {
        return "OFFER#" + id;
    }

    static String versionSk(long version) {
        return String.format("V#%010d", version);
    }

    public static Items current(Offer o) {
        return body(o).s(DirectoryTable.SK, CURRENT)
                .s(DirectoryTable.GSI1_PK, ProviderItems.pk(o.providerId()))
                .s(DirectoryTable.GSI1_SK, pk(o.id()))
                .s(DirectoryTable.GSI2_PK, statusKey(o.status()))
                .s(DirectoryTable.GSI2_SK, o.area() + "#" + o.updatedAt() + "#" + o.id());
    }

    public static Items version(Offer o) {
        return body(o).s(DirectoryTable.SK, versionSk(o.version()));
    }

    static String statusKey(OfferStatus status) {
        return "OFFERSTATUS#" + status;
    }

    /** The offer as the directory publishes it: the attributes other functions mirror (the rest are its own). */
    static PublishedOffer published(Offer o) {
        OfferContent c = o.content();
        return new PublishedOffer(
                o.id(),
                o.providerId(),
                o.providerName(),
                o.providerType().name(),
                o.area(),
                o.designations().stream().map(Enum::name).toList(),
                c.title(),
                c.description(),
                c.evidence() == null ? null : c.evidence().summary(),
                c.areasOfSupport(),
                c.phases().stream().map(Enum::name).toList(),
                c.deliveryModes().stream().map(Enum::name).toList(),
                c.capacityDaysPerTerm(),
                c.priceCredits(),
                c.dayRatePence(),
                c.location() == null ? null : c.location().lat(),
                c.location() == null ? null : c.location().lon(),
                c.travelRadiusKm(),
                c.availableFrom(),
                c.availableUntil(),
                o.status().name(),
                o.reviewDate(),
                o.version(),
                o.updatedAt(),
                new PublishedOffer.Signals(
                        o.signals().completedEngagements(),
                        o.signals().impactRatings(),
                        o.signals().impactTotal(),
                        o.signals().revision()));
    }

    private static Items body(Offer o) {
        OfferContent c = o.content();
        return Items.builder()
                .s(DirectoryTable.PK, pk(o.id()))
                .s(PublishedItems.ENTITY, ENTITY)
                .attributes(published(o).attributes())
                .strings(
                        "evidenceLinks",
                        c.evidence() == null ? null : c.evidence().links())
                .map("contact", ProviderItems.contact(c.contact()))
                .maps("history", o.history(), OfferItems::record)
                .s("createdAt", o.createdAt().toString());
    }

    private static Items record(AssuranceRecord r) {
        return Items.builder()
                .s("at", r.at().toString())
                .s("by", r.by())
                .s("action", r.action().name())
                .s("from", r.from().name())
                .s("to", r.to().name())
                .s("reason", r.reason())
                .s("reviewDate", text(r.reviewDate()))
                .n("version", r.version());
    }

    static Offer offer(Items i) {
        PublishedOffer p = PublishedOffer.from(i.attributes());
        Evidence evidence =
                p.evidenceSummary() == null && i.strings("evidenceLinks").isEmpty()
                        ? null
                        : new Evidence(p.evidenceSummary(), i.strings("evidenceLinks"));
        GeoPoint location = GeoPoint.valid(p.lat(), p.lon()) ? new GeoPoint(p.lat(), p.lon()) : null;
        OfferContent content = new OfferContent(
                p.title(),
                p.description(),
                p.areasOfSupport(),
                enums(p.phases(), Phase.class),
                enums(p.deliveryModes(), DeliveryMode.class),
                p.capacityDaysPerTerm(),
                p.priceCredits(),
                p.dayRatePence(),
                location,
                p.travelRadiusKm(),
                p.availableFrom(),
                p.availableUntil(),
                evidence,
                ProviderItems.contact(i.map("contact")));
        return new Offer(
                p.id(),
                p.providerId(),
                p.providerName(),
                ProviderType.valueOf(p.providerType()),
                p.area(),
                enums(p.designations(), Designation.class),
                content,
                OfferStatus.valueOf(p.status()),
                p.reviewDate(),
                i.maps("history", OfferItems::record),
                p.version(),
                Instant.parse(i.s("createdAt")),
                p.updatedAt(),
                new QualitySignals(
                        Math.toIntExact(p.signals().completedEngagements()),
                        Math.toIntExact(p.signals().impactRatings()),
                        p.signals().impactTotal(),
                        p.signals().revision()));
    }

    private static AssuranceRecord record(Items r) {
        return new AssuranceRecord(
                Instant.parse(r.s("at")),
                r.s("by"),
                AssuranceAction.valueOf(r.s("action")),
                OfferStatus.valueOf(r.s("from")),
                OfferStatus.valueOf(r.s("to")),
                r.s("reason"),
                date(r.s("reviewDate")),
                r.n("version"));
    }

    static <E extends Enum<E>> List<E> enums(List<String> names, Class<E> type) {
        return names.stream().map(n -> Enum.valueOf(type, n)).toList();
    }

    static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
