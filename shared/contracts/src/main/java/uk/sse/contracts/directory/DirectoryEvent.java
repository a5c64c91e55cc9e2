package uk.sse.contracts.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.sse.contracts.Contract;
import uk.sse.contracts.Fields;

/**
 * What the directory publishes in its table's stream (docs/events.md, "Directory"), version 1 of each. The directory
 * builds them; consumers read them with {@link #read}. Events the directory published before they carried a version
 * have the same members and read as version 1.
 */
public sealed interface DirectoryEvent extends Contract {

    int VERSION = 1;

    String OFFER_PREFIX = "directory.offer.";
    String SCHOOL_MOVED = "directory.school.moved";
    String SCHOOL_CLOSED = "directory.school.closed";
    String DESIGNATION_REFUSED = "directory.provider.designation-refused";
    String DESIGNATIONS_VERIFIED = "directory.provider.designations-verified";

    /** What a stored offer version was: its type is {@code directory.offer.<word>}. */
    enum OfferStep {
        CREATED("created"),
        SUBMITTED("submitted"),
        APPROVED("approved"),
        REJECTED("rejected"),
        CHANGES_REQUESTED("changes-requested"),
        SUSPENDED("suspended"),
        EDITED("edited"),
        WITHDRAWN("withdrawn");

        private final String word;

        OfferStep(String word) {
            this.word = word;
        }

        public String type() {
            return OFFER_PREFIX + word;
        }

        static Optional<OfferStep> ofType(String type) {
            return Arrays.stream(values()).filter(s -> s.type().equals(type)).findFirst();
        }
    }

    /** The assurance step a version was, if it was one: {@code action} took the offer {@code from} one status {@code to} another. */
    record Assurance(String action, String from, String to, String by, String reason) {}

    /**
     * A stored version of an offer, one type per {@link OfferStep} (the eight share this shape): the offer as it stands
     * after the step. Id {@code <offerId>/<version>}.
     */
    record OfferChanged(
            Instant occurredAt,
            String area,
            OfferStep step,
            String offerId,
            long version,
            String providerId,
            String providerName,
            String providerType,
            String title,
            List<String> areasOfSupport,
            List<String> phases,
            List<String> deliveryModes,
            long priceCredits,
            String status,
            LocalDate reviewDate,
            Assurance assurance)
            implements DirectoryEvent {
        public OfferChanged {
            areasOfSupport = List.copyOf(areasOfSupport);
            phases = List.copyOf(phases);
            deliveryModes = List.copyOf(deliveryModes);
        }

        public String type() {
            return step.type();
        }

        public String eventId() {
            return offerId + "/" + version;
        }

        public Map<String, Object> data() {
            Map<String, Object> d = members(
                    "offerId",
                    offerId,
                    "version",
                    version,
                    "providerId",
                    providerId,
                    "providerName",
                    providerName,
                    "providerType",
                    providerType,
                    "title",
                    title,
                    "areasOfSupport",
                    areasOfSupport,
                    "phases",
                    phases,
                    "deliveryModes",
                    deliveryModes,
                    "priceCredits",
                    priceCredits,
                    "status",
                    status,
                    "reviewDate",
                    reviewDate == null ? null : reviewDate.toString());
            if (assurance != null) {
                d.putAll(members(
                        "action",
                        assurance.action(),
                        "from",
                        assurance.from(),
                        "to",
                        assurance.to(),
                        "by",
                        assurance.by(),
                        "reason",
                        assurance.reason()));
            }
            return d;
        }
    }

    /** An import found a school in another LA ({@code area} is the new one). Id {@code <urn>/moved/<importId>}. */
    record SchoolMoved(
            Instant occurredAt,
            String area,
            String urn,
            String name,
            String fromLaCode,
            String fromLaName,
            String toLaCode,
            String toLaName,
            String importId)
            implements DirectoryEvent {
        public String type() {
            return SCHOOL_MOVED;
        }

        public String eventId() {
            return urn + "/moved/" + importId;
        }

        public Map<String, Object> data() {
            return members(
                    "urn",
                    urn,
                    "name",
                    name,
                    "fromLaCode",
                    fromLaCode,
                    "fromLaName",
                    fromLaName,
                    "toLaCode",
                    toLaCode,
                    "toLaName",
                    toLaName,
                    "importId",
                    importId);
        }
    }

    /** An import found a school closed, or gone from the register's file. Id {@code <urn>/closed/<importId>}. */
    record SchoolClosed(
            Instant occurredAt,
            String area,
            String urn,
            String name,
            String laCode,
            LocalDate closedOn,
            String reason,
            String importId)
            implements DirectoryEvent {
        public String type() {
            return SCHOOL_CLOSED;
        }

        public String eventId() {
            return urn + "/closed/" + importId;
        }

        public Map<String, Object> data() {
            return members(
                    "urn",
                    urn,
                    "name",
                    name,
                    "laCode",
                    laCode,
                    "closedOn",
                    closedOn == null ? null : closedOn.toString(),
                    "reason",
                    reason,
                    "importId",
                    importId);
        }
    }

    /**
     * An assurer's decision on a provider's claims to designations (decisions 0033, 0077, 0088), written with the
     * provider's version it made: id {@code <providerId>/<version>}. {@code area} is the provider's; {@code by} the
     * assurer's subject. Designations are the directory's codes ({@code MATHS_HUB}).
     */
    sealed interface DesignationDecision extends DirectoryEvent {
        String providerId();

        long version();

        String providerName();

        String by();

        default String eventId() {
            return providerId() + "/" + version();
        }
    }

    /** An assurer refused one claim, with the reason the provider reads; the claim is withdrawn. */
    record DesignationRefused(
            Instant occurredAt,
            String area,
            String providerId,
            long version,
            String providerName,
            String designation,
            String reason,
            String by)
            implements DesignationDecision {
        public String type() {
            return DESIGNATION_REFUSED;
        }

        public Map<String, Object> data() {
            return members(
                    "providerId",
                    providerId,
                    "version",
                    version,
                    "providerName",
                    providerName,
                    "designation",
                    designation,
                    "reason",
                    reason,
                    "by",
                    by);
        }
    }

    /**
     * An assurer changed which claims are verified: {@code verified} are verified now and were not before (they reach
     * the provider's offers), {@code unverified} were and are no longer. At least one of the two is not empty.
     */
    record DesignationsVerified(
            Instant occurredAt,
            String area,
            String providerId,
            long version,
            String providerName,
            List<String> verified,
            List<String> unverified,
            String by)
            implements DesignationDecision {
        public DesignationsVerified {
            verified = List.copyOf(verified);
            unverified = List.copyOf(unverified);
        }

        public String type() {
            return DESIGNATIONS_VERIFIED;
        }

        public Map<String, Object> data() {
            return members(
                    "providerId",
                    providerId,
                    "version",
                    version,
                    "providerName",
                    providerName,
                    "verified",
                    verified,
                    "unverified",
                    unverified,
                    "by",
                    by);
        }
    }

    /**
     * The directory's event in an envelope of these parts; empty for a type that is not the directory's (or one this
     * version does not know). Unknown members are ignored and newer versions read.
     *
     * @throws Fields.Unreadable if a member the type needs is missing or of another type, or the version is older
     */
    static Optional<DirectoryEvent> read(String type, Instant occurredAt, String area, Map<String, Object> data) {
        Optional<OfferStep> step = OfferStep.ofType(type);
        if (step.isEmpty()
                && !SCHOOL_MOVED.equals(type)
                && !SCHOOL_CLOSED.equals(type)
                && !DESIGNATION_REFUSED.equals(type)
                && !DESIGNATIONS_VERIFIED.equals(type)) {
            return Optional.empty();
        }
        Fields f = Fields.of(type, data, VERSION, VERSION);
        if (DESIGNATION_REFUSED.equals(type)) {
            return Optional.of(new DesignationRefused(
                    occurredAt,
                    area,
                    f.text("providerId"),
                    f.whole("version"),
                    f.text("providerName"),
                    f.text("designation"),
                    f.text("reason"),
                    f.text("by")));
        }
        if (DESIGNATIONS_VERIFIED.equals(type)) {
            return Optional.of(new DesignationsVerified(
                    occurredAt,
                    area,
                    f.text("providerId"),
                    f.whole("version"),
                    f.text("providerName"),
                    f.textsOrNone("verified"),
                    f.textsOrNone("unverified"),
                    f.text("by")));
        }
        if (step.isPresent()) {
            String action = f.optionalText("action");
            Assurance assurance = action == null
                    ? null
                    : new Assurance(action, f.text("from"), f.text("to"), f.text("by"), f.optionalText("reason"));
            return Optional.of(new OfferChanged(
                    occurredAt,
                    area,
                    step.get(),
                    f.text("offerId"),
                    f.whole("version"),
                    f.text("providerId"),
                    f.text("providerName"),
                    f.text("providerType"),
                    f.text("title"),
                    f.texts("areasOfSupport"),
                    f.texts("phases"),
                    f.texts("deliveryModes"),
                    f.whole("priceCredits"),
                    f.text("status"),
                    f.optionalDate("reviewDate"),
                    assurance));
        }
        if (SCHOOL_MOVED.equals(type)) {
            return Optional.of(new SchoolMoved(
                    occurredAt,
                    area,
                    f.text("urn"),
                    f.text("name"),
                    f.optionalText("fromLaCode"),
                    f.optionalText("fromLaName"),
                    f.optionalText("toLaCode"),
                    f.optionalText("toLaName"),
                    f.text("importId")));
        }
        return Optional.of(new SchoolClosed(
                occurredAt,
                area,
                f.text("urn"),
                f.text("name"),
                f.optionalText("laCode"),
                f.optionalDate("closedOn"),
                f.text("reason"),
                f.text("importId")));
    }

    private static Map<String, Object> members(Object... namesAndValues) {
        return Contract.members(VERSION, namesAndValues);
    }
}
