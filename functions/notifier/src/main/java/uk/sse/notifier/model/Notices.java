package uk.sse.notifier.model;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.web.PagePaths;

/**
 * Who must act on an event, and what they are told (docs/events.md): the area's brokers when a request is raised; a
 * provider when a proposal is addressed to it; a school when support awaits its agreement and when it is delivered and
 * awaits its rating; the adviser who raised a request when it is proposed, agreed or cancelled, and a school that asked
 * for itself when its request is proposed or cancelled; the area's assurers when an offer awaits assurance; the brokers
 * of a closed school's open requests. Pure: what an event does not say (who raised its request, a school's open
 * requests) is passed in.
 */
public final class Notices {

    private Notices() {}

    /** The adviser who raised a request, from its {@code brokerage.request.created} (null if someone else raised it). */
    public static String raiserOf(EventEnvelope created) {
        return raiser(created).orElse(null) instanceof Raiser.Adviser a ? a.subject() : null;
    }

    /** Who raised a request, from its {@code brokerage.request.created}: an adviser or the school itself; else empty. */
    public static Optional<Raiser> raiser(EventEnvelope created) {
        if (!(BrokerageEvents.read(created).orElse(null) instanceof BrokerageEvent.RequestCreated c)) {
            return Optional.empty();
        }
        BrokerageEvent.Request r = c.request();
        if (Role.ADVISER.name().equals(r.byKind())) {
            return Optional.of(new Raiser.Adviser(r.by()));
        }
        return Role.PROVIDER.name().equals(r.byKind()) ? Optional.of(new Raiser.School(r.urn())) : Optional.empty();
    }

    /** The notices {@code e} makes; {@code raisedBy} is the adviser who raised its request, if known. */
    public static List<Notice> of(EventEnvelope e, String raisedBy) {
        return made(e, raisedBy == null ? null : new Raiser.Adviser(raisedBy));
    }

    /** The notices {@code e} makes; {@code raisedBy} is who raised its request, if known. */
    public static List<Notice> made(EventEnvelope e, Raiser raisedBy) {
        if (e.type().startsWith("brokerage.")) {
            return BrokerageEvents.read(e).map(b -> brokerage(e, b, raisedBy)).orElse(List.of());
        }
        if (e.type().startsWith(DirectoryEvents.PROVIDER_PREFIX)) {
            return DirectoryEvents.designation(e).map(d -> designation(e, d)).orElse(List.of());
        }
        return DirectoryEvents.offer(e)
                .filter(o ->
                        (o.step() == DirectoryEvent.OfferStep.SUBMITTED || o.step() == DirectoryEvent.OfferStep.EDITED)
                                && "SUBMITTED".equals(o.status()))
                .map(o -> List.of(notice(
                        e,
                        Audience.role(Role.ASSURER, e.area()),
                        NoticeKind.OFFER_AWAITS_ASSURANCE,
                        "\u201c" + o.title() + "\u201d from " + orElse(o.providerName(), "a provider")
                                + " awaits assurance",
                        PagePaths.offer(o.offerId()))))
                .orElse(List.of());
    }

    /**
     * A school the register closed, told to the brokers of each open request of it (decision 0108): one notice per
     * request, to the area it was raised in, linking to its page (which says the school closed). The request is left as
     * it is (decision 0078); the notice says cancelling is theirs to decide.
     */
    public static List<Notice> schoolClosed(EventEnvelope e, DirectoryEvent.SchoolClosed closed, List<Watch> requests) {
        String on = closed.closedOn().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        return requests.stream()
                .filter(w -> !w.isOffer() && closed.urn().equals(w.urn()))
                .map(w -> Notice.of(
                        Audience.role(Role.BROKER, w.area()),
                        NoticeKind.SCHOOL_CLOSED,
                        e.id() + "/" + w.key(),
                        w.area(),
                        orElse(closed.name(), w.name()) + " closed on " + on
                                + ": its request is unchanged; cancel it if the support is no longer wanted",
                        w.link(),
                        e.occurredAt()))
                .toList();
    }

    /**
     * An assurer's decision on a provider's claims, told to the provider's members alone (decision 0088), with the
     * refusal's reason; the link is their profile, which lists their designations and refused claims.
     */
    private static List<Notice> designation(EventEnvelope e, DirectoryEvent.DesignationDecision decision) {
        Audience members = Audience.organisation(decision.providerId());
        return switch (decision) {
            case DirectoryEvent.DesignationRefused r ->
                List.of(notice(
                        e,
                        members,
                        NoticeKind.DESIGNATION_REFUSED,
                        "An assurer refused your claim to the designation " + names(List.of(r.designation())) + ": "
                                + r.reason(),
                        PagePaths.PROFILE + "#refused"));
            case DirectoryEvent.DesignationsVerified v -> {
                List<String> said = new ArrayList<>();
                if (!v.verified().isEmpty()) {
                    said.add("An assurer verified your " + designations(v.verified()) + ": your offers show it");
                }
                if (!v.unverified().isEmpty()) {
                    said.add((said.isEmpty() ? "An assurer" : "and") + " withdrew the verification of your "
                            + designations(v.unverified()) + ": your offers no longer show it");
                }
                yield said.isEmpty()
                        ? List.of()
                        : List.of(notice(
                                e,
                                members,
                                NoticeKind.DESIGNATION_VERIFIED,
                                String.join("; ", said),
                                PagePaths.PROFILE));
            }
        };
    }

    /** A designation's code in words, as the web shows it: {@code MATHS_HUB} is "Maths hub". */
    static String designationName(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String designations(List<String> codes) {
        return (codes.size() == 1 ? "designation " : "designations ") + names(codes);
    }

    /** Quoted and joined: \u201cMaths hub\u201d and \u201cEnglish hub\u201d. */
    private static String names(List<String> codes) {
        List<String> words = codes.stream()
                .map(c -> "\u201c" + designationName(c) + "\u201d")
                .toList();
        return words.size() == 1
                ? words.getFirst()
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
    }

    private static List<Notice> brokerage(EventEnvelope e, BrokerageEvent event, Raiser raisedBy) {
        List<Notice> out = new ArrayList<>();
        BrokerageEvent.Request r = event.request();
        String school = r.schoolName() != null ? r.schoolName() : "the school with URN " + r.urn();
        String requestPage = PagePaths.request(r.requestId());
        switch (event) {
            case BrokerageEvent.RequestCreated c ->
                out.add(notice(
                        e,
                        Audience.role(Role.BROKER, e.area()),
                        NoticeKind.REQUEST_RAISED,
                        school + " asked for support (" + r.urgency().toLowerCase(java.util.Locale.ROOT)
                                + " urgency): it is waiting to be brokered",
                        requestPage));
            case BrokerageEvent.RequestProposed p -> {
                Set<String> providers = new LinkedHashSet<>();
                p.proposals().forEach(x -> providers.add(x.providerId()));
                providers.forEach(x -> out.add(notice(
                        e,
                        Audience.organisation(x),
                        NoticeKind.PROPOSAL_ADDRESSED,
                        "Support for " + school + " is proposed to you: accept or decline it",
                        requestPage)));
                toRaiser(
                        out,
                        e,
                        raisedBy,
                        NoticeKind.REQUEST_PROPOSED,
                        "Support is proposed for " + school,
                        requestPage);
                // a school that asked for itself: its staff alone (decision 0089)
                if (raisedBy instanceof Raiser.School own && own.urn().equals(r.urn())) {
                    out.add(notice(
                            e,
                            own.audience(),
                            NoticeKind.REQUEST_PROPOSED,
                            "Support is proposed for the request " + school
                                    + " raised: once the provider accepts, it awaits your agreement",
                            requestPage));
                }
            }
            case BrokerageEvent.ProposalAccepted a ->
                out.add(notice(
                        e,
                        Audience.organisation(r.urn()),
                        NoticeKind.AGREEMENT_AWAITED,
                        "Support for " + school + " awaits your agreement",
                        requestPage));
            case BrokerageEvent.EngagementAgreed a ->
                toRaiser(
                        out,
                        e,
                        raisedBy,
                        NoticeKind.REQUEST_AGREED,
                        school + " agreed the support proposed",
                        requestPage);
            case BrokerageEvent.EngagementCompleted c ->
                out.add(notice(
                        e,
                        Audience.organisation(r.urn()),
                        NoticeKind.RATING_AWAITED,
                        "Support for " + school + " is delivered: rate it",
                        requestPage));
            case BrokerageEvent.Closed c -> {
                toRaiser(
                        out,
                        e,
                        raisedBy,
                        NoticeKind.REQUEST_CANCELLED,
                        "The request for " + school + " was "
                                + (c instanceof BrokerageEvent.RequestCancelled ? "cancelled" : "withdrawn") + ": "
                                + c.reason(),
                        requestPage);
                // a school's own request cancelled by someone else: its staff alone; a withdrawal is its own act
                if (c instanceof BrokerageEvent.RequestCancelled
                        && raisedBy instanceof Raiser.School own
                        && own.urn().equals(r.urn())) {
                    out.add(notice(
                            e,
                            own.audience(),
                            NoticeKind.REQUEST_CANCELLED,
                            "The request " + school + " raised was cancelled: " + c.reason(),
                            requestPage));
                }
            }
            default -> {}
        }
        return List.copyOf(out);
    }

    /** A notice to the adviser who raised the request, if one did. */
    private static void toRaiser(
            List<Notice> out, EventEnvelope e, Raiser raisedBy, NoticeKind kind, String title, String link) {
        if (raisedBy instanceof Raiser.Adviser adviser) {
            out.add(notice(e, adviser.audience(), kind, title, link));
        }
    }

    private static Notice notice(EventEnvelope e, Audience audience, NoticeKind kind, String title, String link) {
        return Notice.of(audience, kind, e.id(), e.area(), title, link, e.occurredAt());
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
