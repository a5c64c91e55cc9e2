package uk.sse.brokerage.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.brokerage.model.Action;
import uk.sse.brokerage.model.ActorKind;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Engagement;
import uk.sse.brokerage.model.Evaluation;
import uk.sse.brokerage.model.HoldState;
import uk.sse.brokerage.model.Proposal;
import uk.sse.brokerage.model.ProposalStatus;
import uk.sse.brokerage.model.RequestStatus;
import uk.sse.brokerage.model.Suggestion;
import uk.sse.brokerage.model.Transition;
import uk.sse.brokerage.model.Urgency;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.taxonomy.Taxonomy;

/** A request as one item, by hand: the model's records one to one, plus the index keys and a lineage to filter on. */
final class RequestItems {

    static final String ENTITY = "REQUEST";
    static final String SK = "REQUEST";

    private RequestItems() {}

    static String pk(String id) {
        return "REQUEST#" + id;
    }

    static String eventSk(long version) {
        return String.format("EVENT#%010d", version);
    }

    static String queuePk(String area) {
        return "QUEUE#" + area;
    }

    static String areaPk(String area) {
        return "AREA#" + area;
    }

    static String schoolPk(String urn) {
        return "SCHOOL#" + urn;
    }

    static String addressedPk(String providerId) {
        return "PROVIDER#" + providerId;
    }

    /** The partition of pointers to requests whose texts expire on {@code day} (decision 0111), which retention sweeps. */
    static String textsExpirePk(LocalDate day) {
        return "TEXTS-EXPIRE#" + day;
    }

    /** The pointer to a closed request from the day its texts expire: written when it closes, deleted once swept. */
    static Map<String, AttributeValue> textsExpireItem(LocalDate day, BrokerageRequest r) {
        return Items.builder()
                .s(Tables.PK, textsExpirePk(day))
                .s(Tables.SK, pk(r.id()))
                .s("entity", "TEXTS-EXPIRE")
                .s("requestId", r.id())
                .s("area", r.area())
                .build();
    }

    /** The partition of pointers to requests whose engagement's hold is HELD, which reconciliation checks. */
    static final String HELD_PK = "ENGAGEMENTS#HELD";

    /** Most urgent first, then oldest, then by id: {@link BrokerageRequest#QUEUE_ORDER} as a string that sorts the same. */
    static String queueSk(BrokerageRequest r) {
        return (Urgency.values().length - 1 - r.urgency().ordinal()) + "#" + raisedSk(r);
    }

    /** Raised time as fixed-width epoch millis (ISO text of varying precision would not sort), then id. */
    static String raisedSk(BrokerageRequest r) {
        return String.format("%015d", r.raisedAt().toEpochMilli()) + "#" + r.id();
    }

    /** Set, true, on a request the school raised for itself; absent on every other. */
    static final String BY_SCHOOL = "raisedBySchool";

    static Items item(BrokerageRequest r) {
        Taxonomy taxonomy = Taxonomy.standard();
        Set<String> lineage = new LinkedHashSet<>();
        r.areasOfSupport().forEach(code -> lineage.addAll(taxonomy.lineage(code)));
        Items i = Items.builder()
                .s(Tables.PK, pk(r.id()))
                .s(Tables.SK, SK)
                .s("entity", ENTITY)
                .s("id", r.id())
                .s("urn", r.urn())
                .s("schoolName", r.schoolName())
                .s("area", r.area())
                .strings("areasOfSupport", r.areasOfSupport())
                .strings("areasLineage", List.copyOf(lineage))
                .s("need", r.need())
                .s("urgency", r.urgency().name())
                .n("daysWanted", r.daysWanted())
                .strings(
                        "deliveryModes",
                        r.deliveryModes().stream().map(Enum::name).toList())
                .s("wantedBy", r.wantedBy().toString())
                .n("credits", r.credits())
                .s("raisedBy", r.raisedBy())
                .s("raisedAt", r.raisedAt().toString())
                .n("raisedAtMs", r.raisedAt().toEpochMilli())
                .s("status", r.status().name())
                .n("version", r.version())
                .maps("proposals", r.proposals(), RequestItems::proposal)
                .map("engagement", r.engagement() == null ? null : engagement(r.engagement()))
                .maps("suggestions", r.suggestions(), RequestItems::suggestion)
                .map("evaluation", evaluation(r.evaluation()))
                .maps("history", r.history(), RequestItems::transition)
                .s(Tables.indexPk(2), areaPk(r.area()))
                .s(Tables.indexSk(2), raisedSk(r))
                .s(Tables.indexPk(3), schoolPk(r.urn()))
                .s(Tables.indexSk(3), raisedSk(r));
        if (r.raisedBySchool()) {
            i.bool(BY_SCHOOL, true); // so an adviser's own listing can keep it (decision 0081)
        }
        if (!r.status().terminal()) {
            i.s(Tables.indexPk(1), queuePk(r.area())).s(Tables.indexSk(1), queueSk(r));
        }
        return i;
    }

    static BrokerageRequest request(Items i) {
        return new BrokerageRequest(
                i.s("id"),
                i.s("urn"),
                i.s("area"),
                i.strings("areasOfSupport"),
                i.s("need"),
                Urgency.valueOf(i.s("urgency")),
                i.i("daysWanted"),
                enums(i.strings("deliveryModes"), DeliveryMode.class),
                LocalDate.parse(i.s("wantedBy")),
                i.n("credits"),
                i.s("raisedBy"),
                Instant.parse(i.s("raisedAt")),
                RequestStatus.valueOf(i.s("status")),
                i.n("version"),
                i.maps("proposals", RequestItems::proposal),
                i.map("engagement") == null ? null : engagement(i.map("engagement")),
                i.maps("suggestions", RequestItems::suggestion),
                evaluation(i.map("evaluation")),
                i.maps("history", RequestItems::transition),
                i.s("schoolName"));
    }

    private static Items proposal(Proposal p) {
        return Items.builder()
                .s("id", p.id())
                .s("offerId", p.offerId())
                .s("providerId", p.providerId())
                .n("days", p.days())
                .n("credits", p.credits())
                .s("status", p.status().name())
                .s("proposedBy", p.proposedBy())
                .s("proposedAt", text(p.proposedAt()))
                .s("decidedBy", p.decidedBy())
                .s("decidedAt", text(p.decidedAt()))
                .s("reason", p.reason());
    }

    private static Proposal proposal(Items i) {
        return new Proposal(
                i.s("id"),
                i.s("offerId"),
                i.s("providerId"),
                i.i("days"),
                i.n("credits"),
                ProposalStatus.valueOf(i.s("status")),
                i.s("proposedBy"),
                instant(i.s("proposedAt")),
                i.s("decidedBy"),
                instant(i.s("decidedAt")),
                i.s("reason"));
    }

    private static Items engagement(Engagement e) {
        return Items.builder()
                .s("id", e.id())
                .s("holdId", e.holdId())
                .s("proposalId", e.proposalId())
                .s("offerId", e.offerId())
                .s("providerId", e.providerId())
                .n("days", e.days())
                .n("credits", e.credits())
                .s("schoolAccount", e.schoolAccount())
                .s("providerAccount", e.providerAccount())
                .s("agreedBy", e.agreedBy())
                .s("agreedAt", text(e.agreedAt()))
                .s("hold", e.hold().name())
                .n("daysDelivered", e.daysDelivered())
                .n("creditsPosted", e.creditsPosted())
                .s("startedAt", text(e.startedAt()))
                .s("completedAt", text(e.completedAt()));
    }

    private static Engagement engagement(Items i) {
        // before holds had ids of their own, an engagement's id was its hold's
        return new Engagement(
                i.s("id"),
                i.s("holdId") == null ? i.s("id") : i.s("holdId"),
                i.s("proposalId"),
                i.s("offerId"),
                i.s("providerId"),
                i.i("days"),
                i.n("credits"),
                i.s("schoolAccount"),
                i.s("providerAccount"),
                i.s("agreedBy"),
                instant(i.s("agreedAt")),
                HoldState.valueOf(i.s("hold")),
                i.i("daysDelivered"),
                i.n("creditsPosted"),
                instant(i.s("startedAt")),
                instant(i.s("completedAt")));
    }

    private static Items suggestion(Suggestion s) {
        return Items.builder()
                .s("offerId", s.offerId())
                .s("providerId", s.providerId())
                .s("title", s.title())
                .s("providerName", s.providerName())
                .n("distanceKm", s.distanceKm())
                .n("priceCredits", s.priceCredits())
                .s("liked", s.liked() ? "true" : null);
    }

    private static Suggestion suggestion(Items i) {
        return new Suggestion(
                i.s("offerId"),
                i.s("providerId"),
                i.s("title"),
                i.s("providerName"),
                i.d("distanceKm"),
                i.n("priceCredits"),
                "true".equals(i.s("liked")));
    }

    private static Items evaluation(Evaluation e) {
        return Items.builder()
                .n("schoolRating", e.schoolRating())
                .s("schoolNotes", e.schoolNotes())
                .s("schoolBy", e.schoolBy())
                .s("schoolAt", text(e.schoolAt()))
                .n("impactRating", e.impactRating())
                .s("impactNotes", e.impactNotes())
                .s("impactBy", e.impactBy())
                .s("impactAt", text(e.impactAt()));
    }

    private static Evaluation evaluation(Items i) {
        if (i == null) {
            return Evaluation.NONE;
        }
        return new Evaluation(
                i.i("schoolRating"),
                i.s("schoolNotes"),
                i.s("schoolBy"),
                instant(i.s("schoolAt")),
                i.i("impactRating"),
                i.s("impactNotes"),
                i.s("impactBy"),
                instant(i.s("impactAt")));
    }

    private static Items transition(Transition t) {
        return Items.builder()
                .s("by", t.by())
                .s("byKind", t.byKind().name())
                .s("at", t.at().toString())
                .s("action", t.action().name())
                .s("from", t.from() == null ? null : t.from().name())
                .s("to", t.to().name())
                .s("reason", t.reason())
                .n("version", t.version());
    }

    private static Transition transition(Items i) {
        return new Transition(
                i.s("by"),
                ActorKind.valueOf(i.s("byKind")),
                Instant.parse(i.s("at")),
                Action.valueOf(i.s("action")),
                i.s("from") == null ? null : RequestStatus.valueOf(i.s("from")),
                RequestStatus.valueOf(i.s("to")),
                i.s("reason"),
                i.n("version"));
    }

    private static <E extends Enum<E>> List<E> enums(List<String> names, Class<E> type) {
        return names.stream().map(n -> Enum.valueOf(type, n)).toList();
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
