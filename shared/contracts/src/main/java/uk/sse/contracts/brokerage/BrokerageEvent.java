package uk.sse.contracts.brokerage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.sse.contracts.Contract;
import uk.sse.contracts.Fields;

/**
 * What the brokerage publishes in its table's stream (docs/events.md, "Brokerage"), version 1 of each. The brokerage's
 * model builds them; consumers read them with {@link #read}. Events stored before these records carry no
 * {@code contractVersion} and read as version 1: their shape is the same.
 */
public sealed interface BrokerageEvent extends Contract {

    int VERSION = 1;

    String REQUEST_CREATED = "brokerage.request.created";
    String REQUEST_PROPOSED = "brokerage.request.proposed";
    String PROPOSAL_ACCEPTED = "brokerage.proposal.accepted";
    String PROPOSAL_DECLINED = "brokerage.proposal.declined";
    String ENGAGEMENT_AGREED = "brokerage.engagement.agreed";
    String ENGAGEMENT_STARTED = "brokerage.engagement.started";
    String ENGAGEMENT_COMPLETED = "brokerage.engagement.completed";
    String ENGAGEMENT_EVALUATED = "brokerage.engagement.evaluated";
    String REQUEST_CANCELLED = "brokerage.request.cancelled";
    String REQUEST_WITHDRAWN = "brokerage.request.withdrawn";
    String HOLD_REFUSED = "brokerage.engagement.hold-refused";
    String HOLD_RELEASED = "brokerage.reconciliation.hold-released";
    String POST_REDRIVEN = "brokerage.reconciliation.post-redriven";
    String VOID_REDRIVEN = "brokerage.reconciliation.void-redriven";
    String HOLD_VOIDED = "brokerage.reconciliation.hold-voided";
    String NEEDS_ATTENTION = "brokerage.reconciliation.needs-attention";

    /** Every type, in the order docs/events.md lists them. */
    List<String> TYPES = List.of(
            REQUEST_CREATED,
            REQUEST_PROPOSED,
            PROPOSAL_ACCEPTED,
            PROPOSAL_DECLINED,
            ENGAGEMENT_AGREED,
            ENGAGEMENT_STARTED,
            ENGAGEMENT_COMPLETED,
            ENGAGEMENT_EVALUATED,
            REQUEST_CANCELLED,
            REQUEST_WITHDRAWN,
            HOLD_REFUSED,
            HOLD_RELEASED,
            POST_REDRIVEN,
            VOID_REDRIVEN,
            HOLD_VOIDED,
            NEEDS_ATTENTION);

    /** What every event says of its request. */
    Request request();

    /** The request's engagement as the event leaves it, if the event carries one. */
    default Optional<Engagement> engagementIfAny() {
        return Optional.ofNullable(
                switch (this) {
                    case EngagementMoved m -> m.engagement();
                    case Closed c -> c.engagement();
                    case Repair r -> r.engagement();
                    default -> null;
                });
    }

    /** The events of a transition of the request, whose id is {@code <requestId>/<version>}. */
    sealed interface Transition extends BrokerageEvent {
        default String eventId() {
            return request().requestId() + "/" + request().version();
        }
    }

    /**
     * The request as the event leaves it: {@code version} and {@code to} (its status) after it, {@code from} before
     * (null for a new request), {@code action} the brokerage's name for what was done (null for a repair), {@code by}
     * the subject who did it and {@code byKind} their role. {@code schoolName} is null when not known.
     */
    record Request(
            String requestId,
            long version,
            String urn,
            String schoolName,
            List<String> areasOfSupport,
            String urgency,
            String action,
            String from,
            String to,
            String by,
            String byKind) {
        public Request {
            areasOfSupport = List.copyOf(areasOfSupport);
        }

        Map<String, Object> data(Object... more) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put(Contract.VERSION, VERSION);
            put(
                    d,
                    "requestId",
                    requestId,
                    "version",
                    version,
                    "urn",
                    urn,
                    "schoolName",
                    schoolName,
                    "areasOfSupport",
                    areasOfSupport,
                    "urgency",
                    urgency,
                    "action",
                    action,
                    "from",
                    from,
                    "to",
                    to,
                    "by",
                    by,
                    "byKind",
                    byKind);
            put(d, more);
            return Collections.unmodifiableMap(d);
        }

        static Request read(Fields f) {
            return new Request(
                    f.text("requestId"),
                    f.whole("version"),
                    f.text("urn"),
                    f.optionalText("schoolName"),
                    f.texts("areasOfSupport"),
                    f.text("urgency"),
                    f.optionalText("action"),
                    f.optionalText("from"),
                    f.text("to"),
                    f.text("by"),
                    f.text("byKind"));
        }
    }

    /** A proposal of an offer to the request, as it stands after the event. */
    record Proposal(String proposalId, String offerId, String providerId, int days, long credits, String status) {
        Map<String, Object> data() {
            return members(
                    "proposalId",
                    proposalId,
                    "offerId",
                    offerId,
                    "providerId",
                    providerId,
                    "days",
                    days,
                    "credits",
                    credits,
                    "status",
                    status);
        }

        static Proposal read(Fields f) {
            return new Proposal(
                    f.text("proposalId"),
                    f.text("offerId"),
                    f.text("providerId"),
                    f.count("days"),
                    f.whole("credits"),
                    f.text("status"));
        }
    }

    /**
     * The request's engagement as it stands after the event: {@code holdId} is the ledger's transfer for its credits,
     * {@code hold} that hold's state ({@code HELD}, {@code POSTED}, {@code VOIDED}).
     */
    record Engagement(
            String engagementId,
            String holdId,
            String proposalId,
            String offerId,
            String providerId,
            int days,
            long credits,
            String hold,
            int daysDelivered,
            long creditsPosted) {
        Map<String, Object> data() {
            return members(
                    "engagementId",
                    engagementId,
                    "holdId",
                    holdId,
                    "proposalId",
                    proposalId,
                    "offerId",
                    offerId,
                    "providerId",
                    providerId,
                    "days",
                    days,
                    "credits",
                    credits,
                    "hold",
                    hold,
                    "daysDelivered",
                    daysDelivered,
                    "creditsPosted",
                    creditsPosted);
        }

        static Engagement read(Fields f) {
            return f == null
                    ? null
                    : new Engagement(
                            f.text("engagementId"),
                            f.text("holdId"),
                            f.text("proposalId"),
                            f.text("offerId"),
                            f.text("providerId"),
                            f.count("days"),
                            f.whole("credits"),
                            f.text("hold"),
                            f.count("daysDelivered"),
                            f.whole("creditsPosted"));
        }

        private static Object dataOf(Engagement e) {
            return e == null ? null : e.data();
        }
    }

    /** A request was raised: {@code wantedBy} a date, {@code suggestions} the offer ids the adviser suggested. */
    record RequestCreated(
            Instant occurredAt,
            String area,
            Request request,
            String need,
            int daysWanted,
            List<String> deliveryModes,
            LocalDate wantedBy,
            long credits,
            List<String> suggestions)
            implements Transition {
        public RequestCreated {
            deliveryModes = List.copyOf(deliveryModes);
            suggestions = List.copyOf(suggestions);
        }

        public String type() {
            return REQUEST_CREATED;
        }

        public Map<String, Object> data() {
            return request.data(
                    "need",
                    need,
                    "daysWanted",
                    daysWanted,
                    "deliveryModes",
                    deliveryModes,
                    "wantedBy",
                    wantedBy.toString(),
                    "credits",
                    credits,
                    "suggestions",
                    suggestions);
        }
    }

    /** Offers were proposed: {@code proposals} are the ones added. */
    record RequestProposed(Instant occurredAt, String area, Request request, List<Proposal> proposals)
            implements Transition {
        public RequestProposed {
            proposals = List.copyOf(proposals);
        }

        public String type() {
            return REQUEST_PROPOSED;
        }

        public Map<String, Object> data() {
            return request.data(
                    "proposals", proposals.stream().map(Proposal::data).toList());
        }
    }

    /** A provider accepted a proposal. */
    record ProposalAccepted(Instant occurredAt, String area, Request request, Proposal proposal) implements Transition {
        public String type() {
            return PROPOSAL_ACCEPTED;
        }

        public Map<String, Object> data() {
            return request.data("proposal", proposal.data());
        }
    }

    /** A provider declined a proposal, for {@code reason}. */
    record ProposalDeclined(Instant occurredAt, String area, Request request, Proposal proposal, String reason)
            implements Transition {
        public String type() {
            return PROPOSAL_DECLINED;
        }

        public Map<String, Object> data() {
            return request.data("proposal", proposal.data(), "reason", reason);
        }
    }

    /** The events that move the engagement: each carries it as it stands after. */
    sealed interface EngagementMoved extends Transition {
        Engagement engagement();

        default Map<String, Object> data() {
            return request().data("engagement", engagement().data());
        }
    }

    /** The school agreed a proposal: the hold of the engagement's credits is placed (ledger transfer {@code holdId}). */
    record EngagementAgreed(Instant occurredAt, String area, Request request, Engagement engagement)
            implements EngagementMoved {
        public String type() {
            return ENGAGEMENT_AGREED;
        }
    }

    /** Delivery started. */
    record EngagementStarted(Instant occurredAt, String area, Request request, Engagement engagement)
            implements EngagementMoved {
        public String type() {
            return ENGAGEMENT_STARTED;
        }
    }

    /** Delivery completed: {@code creditsPosted} of the hold posted for {@code daysDelivered}, the rest released. */
    record EngagementCompleted(Instant occurredAt, String area, Request request, Engagement engagement)
            implements EngagementMoved {
        public String type() {
            return ENGAGEMENT_COMPLETED;
        }
    }

    /**
     * One rating was given ({@code rating} {@code SCHOOL} or {@code IMPACT}, {@code score} 1 to 5); once both are in,
     * {@code schoolRating} and {@code impactRating}, else null.
     */
    record EngagementEvaluated(
            Instant occurredAt,
            String area,
            Request request,
            String engagementId,
            String offerId,
            String providerId,
            String rating,
            int score,
            Integer schoolRating,
            Integer impactRating)
            implements Transition {
        public String type() {
            return ENGAGEMENT_EVALUATED;
        }

        public Map<String, Object> data() {
            return request.data(
                    "engagementId",
                    engagementId,
                    "offerId",
                    offerId,
                    "providerId",
                    providerId,
                    "rating",
                    rating,
                    "score",
                    score,
                    "schoolRating",
                    schoolRating,
                    "impactRating",
                    impactRating);
        }
    }

    /** The events that close a request, for {@code reason}; {@code engagement} (its hold voided) if one was agreed. */
    sealed interface Closed extends Transition {
        String reason();

        Engagement engagement();

        default Map<String, Object> data() {
            return request().data("reason", reason(), "engagement", Engagement.dataOf(engagement()));
        }
    }

    /** A broker cancelled the request. */
    record RequestCancelled(Instant occurredAt, String area, Request request, String reason, Engagement engagement)
            implements Closed {
        public String type() {
            return REQUEST_CANCELLED;
        }
    }

    /** The school, or its adviser, withdrew the request. */
    record RequestWithdrawn(Instant occurredAt, String area, Request request, String reason, Engagement engagement)
            implements Closed {
        public String type() {
            return REQUEST_WITHDRAWN;
        }
    }

    /**
     * The ledger refused an agreement for want of credits; the request is unchanged ({@code request.version} is the
     * one agreed on). Id {@code <requestId>/<version>/hold-refused}.
     */
    record HoldRefused(
            Instant occurredAt,
            String area,
            Request request,
            String proposalId,
            String offerId,
            String providerId,
            long credits,
            String reason)
            implements BrokerageEvent {
        public String type() {
            return HOLD_REFUSED;
        }

        public String eventId() {
            return request.requestId() + "/" + request.version() + "/hold-refused";
        }

        public Map<String, Object> data() {
            return request.data(
                    "proposalId",
                    proposalId,
                    "offerId",
                    offerId,
                    "providerId",
                    providerId,
                    "credits",
                    credits,
                    "reason",
                    reason);
        }
    }

    /** Reconciliation released the hold of an agreement never written ({@code holdId}); the status is unchanged. */
    record HoldReleased(Instant occurredAt, String area, Request request, String holdId, String reason)
            implements Transition {
        public String type() {
            return HOLD_RELEASED;
        }

        public Map<String, Object> data() {
            return request.data("holdId", holdId, "reason", reason);
        }
    }

    /**
     * A repair reconciliation made to a request's hold, changing nothing of the request ({@code request.action} is
     * null). Id {@code <requestId>/<version>/<repair>/<holdId>}, so the same repair of the same disagreement is one event.
     */
    sealed interface Repair extends BrokerageEvent {
        String holdId();

        String detail();

        Engagement engagement();

        default String repair() {
            return type().substring(type().lastIndexOf('.') + 1);
        }

        default String eventId() {
            return request().requestId() + "/" + request().version() + "/" + repair() + "/" + holdId();
        }

        default Map<String, Object> data() {
            return request()
                    .data(
                            "holdId",
                            holdId(),
                            "repair",
                            repair(),
                            "detail",
                            detail(),
                            "engagement",
                            Engagement.dataOf(engagement()));
        }
    }

    /** The request is completed and says posted; the ledger's post had not landed and is made. */
    record PostRedriven(
            Instant occurredAt, String area, Request request, String holdId, String detail, Engagement engagement)
            implements Repair {
        public String type() {
            return POST_REDRIVEN;
        }
    }

    /** The request is closed (or completed with nothing due) and says voided; the ledger's void is made. */
    record VoidRedriven(
            Instant occurredAt, String area, Request request, String holdId, String detail, Engagement engagement)
            implements Repair {
        public String type() {
            return VOID_REDRIVEN;
        }
    }

    /** A pending hold of the request's that no agreement of it as it stands would place is voided. */
    record HoldVoided(
            Instant occurredAt, String area, Request request, String holdId, String detail, Engagement engagement)
            implements Repair {
        public String type() {
            return HOLD_VOIDED;
        }
    }

    /** A disagreement only a person can settle; {@code detail} says which. */
    record NeedsAttention(
            Instant occurredAt, String area, Request request, String holdId, String detail, Engagement engagement)
            implements Repair {
        public String type() {
            return NEEDS_ATTENTION;
        }
    }

    /** The repair of type {@code brokerage.reconciliation.<repair>}. */
    static Repair repairOf(
            String repair,
            Instant occurredAt,
            String area,
            Request request,
            String holdId,
            String detail,
            Engagement engagement) {
        return switch ("brokerage.reconciliation." + repair) {
            case POST_REDRIVEN -> new PostRedriven(occurredAt, area, request, holdId, detail, engagement);
            case VOID_REDRIVEN -> new VoidRedriven(occurredAt, area, request, holdId, detail, engagement);
            case HOLD_VOIDED -> new HoldVoided(occurredAt, area, request, holdId, detail, engagement);
            case NEEDS_ATTENTION -> new NeedsAttention(occurredAt, area, request, holdId, detail, engagement);
            default -> throw new IllegalArgumentException("no repair " + repair);
        };
    }

    /**
     * The brokerage's event in an envelope of these parts; empty for a type that is not the brokerage's (or one this
     * version does not know). Unknown members are ignored, newer versions read, and a missing version read as 1.
     *
     * @throws Fields.Unreadable if a member the type needs is missing or of another type, or the version is older
     */
    static Optional<BrokerageEvent> read(String type, Instant occurredAt, String area, Map<String, Object> data) {
        if (!TYPES.contains(type)) {
            return Optional.empty();
        }
        Fields f = Fields.of(type, data, VERSION, 1);
        Request r = Request.read(f);
        return Optional.of(
                switch (type) {
                    case REQUEST_CREATED ->
                        new RequestCreated(
                                occurredAt,
                                area,
                                r,
                                f.text("need"),
                                f.count("daysWanted"),
                                f.texts("deliveryModes"),
                                f.date("wantedBy"),
                                f.whole("credits"),
                                f.texts("suggestions"));
                    case REQUEST_PROPOSED ->
                        new RequestProposed(
                                occurredAt,
                                area,
                                r,
                                f.objects("proposals").stream()
                                        .map(Proposal::read)
                                        .toList());
                    case PROPOSAL_ACCEPTED ->
                        new ProposalAccepted(occurredAt, area, r, Proposal.read(f.object("proposal")));
                    case PROPOSAL_DECLINED ->
                        new ProposalDeclined(
                                occurredAt, area, r, Proposal.read(f.object("proposal")), f.text("reason"));
                    case ENGAGEMENT_AGREED ->
                        new EngagementAgreed(occurredAt, area, r, Engagement.read(f.object("engagement")));
                    case ENGAGEMENT_STARTED ->
                        new EngagementStarted(occurredAt, area, r, Engagement.read(f.object("engagement")));
                    case ENGAGEMENT_COMPLETED ->
                        new EngagementCompleted(occurredAt, area, r, Engagement.read(f.object("engagement")));
                    case ENGAGEMENT_EVALUATED ->
                        new EngagementEvaluated(
                                occurredAt,
                                area,
                                r,
                                f.text("engagementId"),
                                f.text("offerId"),
                                f.text("providerId"),
                                f.text("rating"),
                                f.count("score"),
                                rating(f, "schoolRating"),
                                rating(f, "impactRating"));
                    case REQUEST_CANCELLED ->
                        new RequestCancelled(
                                occurredAt, area, r, f.text("reason"), Engagement.read(f.optionalObject("engagement")));
                    case REQUEST_WITHDRAWN ->
                        new RequestWithdrawn(
                                occurredAt, area, r, f.text("reason"), Engagement.read(f.optionalObject("engagement")));
                    case HOLD_REFUSED ->
                        new HoldRefused(
                                occurredAt,
                                area,
                                r,
                                f.text("proposalId"),
                                f.text("offerId"),
                                f.text("providerId"),
                                f.whole("credits"),
                                f.text("reason"));
                    case HOLD_RELEASED -> new HoldReleased(occurredAt, area, r, f.text("holdId"), f.text("reason"));
                    default ->
                        repairOf(
                                type.substring(type.lastIndexOf('.') + 1),
                                occurredAt,
                                area,
                                r,
                                f.text("holdId"),
                                f.optionalText("detail"),
                                Engagement.read(f.optionalObject("engagement")));
                });
    }

    /**
     * What any brokerage event says of its request, a type newer than this reader's included (every type carries it).
     *
     * @throws Fields.Unreadable if a member of it is missing or of another type, or the version is older
     */
    static Request requestOf(String type, Map<String, Object> data) {
        return Request.read(Fields.of(type, data, VERSION, 1));
    }

    private static Integer rating(Fields f, String name) {
        return f.optionalWhole(name) == null ? null : f.count(name);
    }

    private static Map<String, Object> members(Object... namesAndValues) {
        Map<String, Object> d = new LinkedHashMap<>();
        put(d, namesAndValues);
        return Collections.unmodifiableMap(d);
    }

    /** Absent, never null: a member the contract says may be missing is left out. */
    private static void put(Map<String, Object> d, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                d.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
    }
}
