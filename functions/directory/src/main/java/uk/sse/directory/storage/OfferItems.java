package uk.sse.directory.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.sse.contracts.directory.PublishedItems;
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

/** Offer items: the current one carries the index keys, each version a plain copy. */
final class OfferItems {

    /** Published state (other functions mirror it): its entity and sort key are the contract's. */
    static final String ENTITY = PublishedItems.Kind.OFFER.entity();

    static final String CURRENT = PublishedItems.Kind.OFFER.sortKey();
    /** The quality signals' attributes, which brokerage's outcomes update in place (see DynamoOfferStore). */
    static final String COMPLETED = "completedEngagements";

    static final String IMPACT_RATINGS = "impactRatings";
    static final String IMPACT_TOTAL = "impactTotal";
    static final String SIGNALS_REVISION = "signalsRevision";

    private OfferItems() {}

    static String pk(String id) {
        return "OFFER#" + id;
    }

    static String versionSk(long version) {
        return String.format("V#%010d", version);
    }

    static Items current(Offer o) {
        return body(o).s(DirectoryTable.SK, CURRENT)
                .s(DirectoryTable.GSI1_PK, ProviderItems.pk(o.providerId()))
                .s(DirectoryTable.GSI1_SK, pk(o.id()))
                .s(DirectoryTable.GSI2_PK, statusKey(o.status()))
                .s(DirectoryTable.GSI2_SK, o.area() + "#" + o.updatedAt() + "#" + o.id());
    }

    static Items version(Offer o) {
        return body(o).s(DirectoryTable.SK, versionSk(o.version()));
    }

    static String statusKey(OfferStatus status) {
        return "OFFERSTATUS#" + status;
    }

    private static Items body(Offer o) {
        OfferContent c = o.content();
        return Items.builder()
                .s(DirectoryTable.PK, pk(o.id()))
                .s("entity", ENTITY)
                .s("id", o.id())
                .s("providerId", o.providerId())
                .s("providerName", o.providerName())
                .s("providerType", o.providerType().name())
                .s("area", o.area())
                .strings(
                        "designations",
                        o.designations().stream().map(Enum::name).toList())
                .s("title", c.title())
                .s("description", c.description())
                .strings("areasOfSupport", c.areasOfSupport())
                .strings("phases", c.phases().stream().map(Enum::name).toList())
                .strings(
                        "deliveryModes",
                        c.deliveryModes().stream().map(Enum::name).toList())
                .n("capacityDaysPerTerm", c.capacityDaysPerTerm())
                .n("priceCredits", c.priceCredits())
                .n("dayRatePence", c.dayRatePence())
                .n("lat", c.location() == null ? null : c.location().lat())
                .n("lon", c.location() == null ? null : c.location().lon())
                .n("travelRadiusKm", c.travelRadiusKm())
                .s("availableFrom", text(c.availableFrom()))
                .s("availableUntil", text(c.availableUntil()))
                .s("evidenceSummary", c.evidence() == null ? null : c.evidence().summary())
                .strings(
                        "evidenceLinks",
                        c.evidence() == null ? null : c.evidence().links())
                .map("contact", ProviderItems.contact(c.contact()))
                .s("status", o.status().name())
                .s("reviewDate", text(o.reviewDate()))
                .maps("history", o.history(), OfferItems::record)
                .n("version", o.version())
                .s("createdAt", o.createdAt().toString())
                .s("updatedAt", o.updatedAt().toString())
                .n(COMPLETED, o.signals().completedEngagements())
                .n(IMPACT_RATINGS, o.signals().impactRatings())
                .n(IMPACT_TOTAL, o.signals().impactTotal())
                .n(SIGNALS_REVISION, o.signals().revision());
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
        Evidence evidence =
                i.s("evidenceSummary") == null && i.strings("evidenceLinks").isEmpty()
                        ? null
                        : new Evidence(i.s("evidenceSummary"), i.strings("evidenceLinks"));
        GeoPoint location = GeoPoint.valid(i.d("lat"), i.d("lon")) ? new GeoPoint(i.d("lat"), i.d("lon")) : null;
        OfferContent content = new OfferContent(
                i.s("title"),
                i.s("description"),
                i.strings("areasOfSupport"),
                enums(i.strings("phases"), Phase.class),
                enums(i.strings("deliveryModes"), DeliveryMode.class),
                i.decimal("capacityDaysPerTerm"),
                i.n("priceCredits"),
                i.n("dayRatePence"),
                location,
                i.i("travelRadiusKm"),
                date(i.s("availableFrom")),
                date(i.s("availableUntil")),
                evidence,
                ProviderItems.contact(i.map("contact")));
        return new Offer(
                i.s("id"),
                i.s("providerId"),
                i.s("providerName"),
                ProviderType.valueOf(i.s("providerType")),
                i.s("area"),
                enums(i.strings("designations"), Designation.class),
                content,
                OfferStatus.valueOf(i.s("status")),
                date(i.s("reviewDate")),
                i.maps("history", OfferItems::record),
                i.n("version"),
                Instant.parse(i.s("createdAt")),
                Instant.parse(i.s("updatedAt")),
                new QualitySignals(
                        orZero(i.n(COMPLETED)).intValue(),
                        orZero(i.n(IMPACT_RATINGS)).intValue(),
                        orZero(i.n(IMPACT_TOTAL)),
                        orZero(i.n(SIGNALS_REVISION))));
    }

    private static Long orZero(Long n) {
        return n == null ? 0L : n;
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
