package uk.sse.notifier.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.web.PagePaths;

/**
 * Who must act on an event, and what they are told (docs/events.md): the area's brokers when a request is raised; a
 * provider when a proposal is addressed to it; a school when support awaits its agreement and when it is delivered and
 * awaits its rating; the adviser who raised a request when it is proposed, agreed or cancelled; the area's assurers when
 * an offer awaits assurance. Pure: the one thing an event does not say, who raised its request, is passed in.
 */
public final class Notices {

    private Notices() {}

    /** The adviser who raised a request, from its {@code brokerage.request.created} (null if someone else raised it). */
    public static String raiserOf(EventEnvelope created) {
        return BrokerageEvents.read(created).orElse(null) instanceof BrokerageEvent.RequestCreated c
                        && Role.ADVISER.name().equals(c.request().byKind())
                ? c.request().by()
                : null;
    }

    /** The notices {@code e} makes; {@code raisedBy} is the adviser who raised its request, if known. */
    public static List<Notice> of(EventEnvelope e, String raisedBy) {
        if (e.type().startsWith("brokerage.")) {
            return BrokerageEvents.read(e).map(b -> brokerage(e, b, raisedBy)).orElse(List.of());
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

    private static List<Notice> brokerage(EventEnvelope e, BrokerageEvent event, String raisedBy) {
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
            case BrokerageEvent.Closed c ->
                toRaiser(
                        out,
                        e,
                        raisedBy,
                        NoticeKind.REQUEST_CANCELLED,
                        "The request for " + school + " was "
                                + (c instanceof BrokerageEvent.RequestCancelled ? "cancelled" : "withdrawn") + ": "
                                + c.reason(),
                        requestPage);
            default -> {}
        }
        return List.copyOf(out);
    }

    private static void toRaiser(
            List<Notice> out, EventEnvelope e, String raisedBy, NoticeKind kind, String title, String link) {
        if (raisedBy != null) {
            out.add(notice(e, Audience.person(raisedBy), kind, title, link));
        }
    }

    private static Notice notice(EventEnvelope e, Audience audience, NoticeKind kind, String title, String link) {
        return Notice.of(audience, kind, e.id(), e.area(), title, link, e.occurredAt());
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
