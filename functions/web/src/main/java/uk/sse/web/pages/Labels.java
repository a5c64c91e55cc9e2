package uk.sse.web.pages;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;

/**
 * What people read for the APIs' codes: phases, delivery modes, provider types, designations, statuses and areas of
 * support by their labels, dates as "12 March 2027", and each status's tag colour. A code this does not know is shown
 * in words ("SOME_CODE" as "Some code"), never as the code.
 */
public final class Labels {

    private Labels() {}

    /** A GOV.UK tag: its text and colour class. */
    /** A request the school raised for itself, not an adviser (decision 0081). */
    public static final Tag RAISED_BY_SCHOOL = new Tag("Raised by the school", "purple");

    public record Tag(String text, String colour) {
        public String classes() {
            return colour == null ? "govuk-tag" : "govuk-tag govuk-tag--" + colour;
        }
    }

    public static final Map<String, String> PHASES = ordered(
            "EARLY_YEARS",
            "Early years",
            "PRIMARY",
            "Primary",
            "SECONDARY",
            "Secondary",
            "POST_16",
            "Post-16",
            "ALL_THROUGH",
            "All-through",
            "SPECIAL",
            "Special school",
            "ALTERNATIVE_PROVISION",
            "Alternative provision");
    public static final Map<String, String> DELIVERY_MODES = ordered(
            "IN_SCHOOL",
            "In school",
            "REMOTE",
            "Remote",
            "TRAINING",
            "Training",
            "PEER_REVIEW",
            "Peer review",
            "COACHING",
            "Coaching",
            "MENTORING",
            "Mentoring",
            "VISIT_TO_PROVIDER",
            "A visit to the provider");
    public static final Map<String, String> PROVIDER_TYPES = ordered(
            "SCHOOL",
            "School",
            "LOCAL_AUTHORITY_SERVICE",
            "Local authority service",
            "HUB",
            "Hub",
            "TRUST",
            "Trust",
            "CONSULTANT",
            "Consultant",
            "CHARITY",
            "Charity");
    public static final Map<String, String> DESIGNATIONS = ordered(
            "NATIONAL_LEADER_OF_EDUCATION",
            "National leader of education",
            "LOCAL_LEADER_OF_EDUCATION",
            "Local leader of education",
            "SPECIALIST_LEADER_OF_EDUCATION",
            "Specialist leader of education",
            "NATIONAL_LEADER_OF_GOVERNANCE",
            "National leader of governance",
            "TEACHING_SCHOOL_HUB",
            "Teaching school hub",
            "MATHS_HUB",
            "Maths hub",
            "ENGLISH_HUB",
            "English hub",
            "SCIENCE_LEARNING_PARTNERSHIP",
            "Science learning partnership",
            "RESEARCH_SCHOOL",
            "Research school",
            "BEHAVIOUR_HUB",
            "Behaviour hub",
            "ATTENDANCE_HUB",
            "Attendance hub",
            "COMPUTING_HUB",
            "Computing hub",
            "MUSIC_HUB",
            "Music hub");
    public static final Map<String, String> URGENCIES = ordered(
            "LOW",
            "Low: within the term",
            "MEDIUM",
            "Medium: within a few weeks",
            "HIGH",
            "High: within a fortnight",
            "URGENT",
            "Urgent: as soon as possible");

    private static final Map<String, Tag> REQUEST_STATUSES = Map.of(
            "OPEN",
            new Tag("Waiting for a proposal", "blue"),
            "PROPOSED",
            new Tag("Support proposed", "light-blue"),
            "ACCEPTED",
            new Tag("Provider accepted", "turquoise"),
            "AGREED",
            new Tag("Agreed", "green"),
            "IN_DELIVERY",
            new Tag("In delivery", "purple"),
            "COMPLETED",
            new Tag("Delivered", "green"),
            "EVALUATED",
            new Tag("Evaluated", "grey"),
            "CANCELLED",
            new Tag("Cancelled", "red"),
            "WITHDRAWN",
            new Tag("Withdrawn", "grey"));
    private static final Map<String, Tag> PROPOSAL_STATUSES = Map.of(
            "PROPOSED",
            new Tag("Proposed", "light-blue"),
            "ACCEPTED",
            new Tag("Accepted by the provider", "turquoise"),
            "DECLINED",
            new Tag("Declined", "red"),
            "AGREED",
            new Tag("Agreed", "green"),
            "SUPERSEDED",
            new Tag("Not taken up", "grey"));
    private static final Map<String, Tag> OFFER_STATUSES = Map.of(
            "DRAFT",
            new Tag("Draft", "grey"),
            "SUBMITTED",
            new Tag("Awaiting assurance", "blue"),
            "CHANGES_REQUESTED",
            new Tag("Changes requested", "orange"),
            "APPROVED",
            new Tag("Assured", "green"),
            "REJECTED",
            new Tag("Rejected", "red"),
            "SUSPENDED",
            new Tag("Suspended", "red"),
            "WITHDRAWN",
            new Tag("Withdrawn", "grey"));
    private static final Map<String, String> TRANSFER_KINDS = Map.of(
            "ALLOCATION",
            "Credits allocated by the area",
            "PAYMENT",
            "Payment for support",
            "ADJUSTMENT",
            "Adjustment by the area");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    public static String phase(String code) {
        return label(PHASES, code);
    }

    public static String deliveryMode(String code) {
        return label(DELIVERY_MODES, code);
    }

    public static String providerType(String code) {
        return label(PROVIDER_TYPES, code);
    }

    public static String designation(String code) {
        return label(DESIGNATIONS, code);
    }

    public static String urgency(String code) {
        String label = label(URGENCIES, code);
        int colon = label.indexOf(':');
        return colon < 0 ? label : label.substring(0, colon);
    }

    public static String transferKind(String code) {
        return label(TRANSFER_KINDS, code);
    }

    public static Tag requestStatus(String code) {
        return REQUEST_STATUSES.getOrDefault(code, new Tag(words(code), null));
    }

    public static Tag proposalStatus(String code) {
        return PROPOSAL_STATUSES.getOrDefault(code, new Tag(words(code), null));
    }

    /** An offer's assurance: an approval whose review date has passed is overdue, and advisers no longer see it. */
    public static Tag offerStatus(String code, String reviewDate) {
        if ("APPROVED".equals(code)
                && reviewDate != null
                && parseDay(reviewDate)
                        .map(d -> d.isBefore(LocalDate.now(ENGLAND)))
                        .orElse(false)) {
            return new Tag("Review overdue", "yellow");
        }
        return OFFER_STATUSES.getOrDefault(code, new Tag(words(code), null));
    }

    /** An area of support's label ("Early reading and phonics"), or its code in words if the taxonomy does not know it. */
    public static String area(String code) {
        return Taxonomy.standard().find(code).map(Term::label).orElseGet(() -> words(code));
    }

    public static List<String> areas(List<String> codes) {
        return codes == null ? List.of() : codes.stream().map(Labels::area).toList();
    }

    public static List<String> phases(List<String> codes) {
        return codes == null ? List.of() : codes.stream().map(Labels::phase).toList();
    }

    public static List<String> deliveryModes(List<String> codes) {
        return codes == null
                ? List.of()
                : codes.stream().map(Labels::deliveryMode).toList();
    }

    /** "12 March 2027" for an ISO date or instant; the text as it is if it is neither. */
    public static String day(String isoDateOrInstant) {
        if (isoDateOrInstant == null || isoDateOrInstant.isBlank()) {
            return "";
        }
        return parseDay(isoDateOrInstant).map(DAY::format).orElse(isoDateOrInstant);
    }

    /** "12 March 2027 at 2:05pm", in England's time. */
    public static String dayAndTime(String isoInstant) {
        try {
            return DAY_AND_TIME
                    .format(Instant.parse(isoInstant).atZone(ENGLAND))
                    .replace("AM", "am")
                    .replace("PM", "pm");
        } catch (DateTimeParseException | NullPointerException notAnInstant) {
            return day(isoInstant);
        }
    }

    public static String credits(long credits) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(credits)
                + (Math.abs(credits) == 1 ? " credit" : " credits");
    }

    public static String days(long days) {
        return days + (days == 1 ? " day" : " days");
    }

    /** "3.2 km away", to the nearest tenth. */
    public static String distance(Double km) {
        return km == null ? "" : String.format(Locale.UK, "%.1f km away", km);
    }

    /** The day of an ISO date, or of an instant in England; none if the text is neither. */
    public static java.util.Optional<LocalDate> parseDay(String text) {
        try {
            return java.util.Optional.of(
                    text.length() == 10
                            ? LocalDate.parse(text)
                            : Instant.parse(text).atZone(ENGLAND).toLocalDate());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static String label(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, words(code));
    }

    /** "SOME_CODE" as "Some code". */
    static String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String spaced = code.replace('_', ' ').replace('.', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            map.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
