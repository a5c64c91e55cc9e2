package uk.sse.notifier.model;

import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.web.PagePaths;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who must act on an event, and what they are told (docs/events.md): the area's brokers when a request is raised; a
 * provider when a proposal is addressed to it; a school when support awaits its agreement and when it is delivered and
 * awaits its rating; the adviser who raised a request when it is proposed, agreed or cancelled; the area's assurers when
 * an offer awaits assurance. Pure: the one thing an event does not say, who raised its request, is passed in.
 */
public final class Notices {

    private Notices() { }

    /** The adviser who raised a request, from its {@code brokerage.request.created} (null if someone else raised it). */
    public static String raiserOf(EventEnvelope created) {
        Map<String, Object> d = created.data();
        return "brokerage.request.created".equals(created.type()) && Role.ADVISER.name().equals(EventData.text(d, "byKind"))
                ? EventData.text(d, "by") : null;
    }

    /** The notices {@code e} makes; {@code raisedBy} is the adviser who raised its request, if known. */
    public static List<Notice> of(EventEnvelope e, String raisedBy) {
        Map<String, Object> d = e.data();
        List<Notice> out = new ArrayList<>();
        String school = school(d);
        String requestPage = EventData.has(d, "requestId") ? PagePaths.request(EventData.text(d, "requestId")) : null;
        String urn = EventData.text(d, "urn");
        switch (e.type()) {
            case "brokerage.request.created" -> out.add(notice(e, Audience.role(Role.BROKER, e.area()), NoticeKind.REQUEST_RAISED,
                    school + " asked for support (" + urgency(d) + "): it is waiting to be brokered", requestPage));
            case "brokerage.request.proposed" -> {
                Set<String> providers = new LinkedHashSet<>();
                EventData.maps(d, "proposals").forEach(p -> providers.add(EventData.text(p, "providerId")));
                providers.remove(null);
                providers.forEach(p -> out.add(notice(e, Audience.organisation(p), NoticeKind.PROPOSAL_ADDRESSED,
                        "Support for " + school + " is proposed to you: accept or decline it", requestPage)));
                toRaiser(out, e, raisedBy, NoticeKind.REQUEST_PROPOSED, "Support is proposed for " + school, requestPage);
            }
            case "brokerage.proposal.accepted" -> {
                if (urn != null) {
                    out.add(notice(e, Audience.organisation(urn), NoticeKind.AGREEMENT_AWAITED,
                            "Support for " + school + " awaits your agreement", requestPage));
                }
            }
            case "brokerage.engagement.agreed" -> toRaiser(out, e, raisedBy, NoticeKind.REQUEST_AGREED,
                    school + " agreed the support proposed", requestPage);
            case "brokerage.engagement.completed" -> {
                if (urn != null) {
                    out.add(notice(e, Audience.organisation(urn), NoticeKind.RATING_AWAITED,
                            "Support for " + school + " is delivered: rate it", requestPage));
                }
            }
            case "brokerage.request.cancelled", "brokerage.request.withdrawn" -> toRaiser(out, e, raisedBy, NoticeKind.REQUEST_CANCELLED,
                    "The request for " + school + " was " + (e.type().endsWith("cancelled") ? "cancelled" : "withdrawn")
                            + (EventData.has(d, "reason") ? ": " + EventData.text(d, "reason") : ""), requestPage);
            case "directory.offer.submitted", "directory.offer.edited" -> {
                if ("SUBMITTED".equals(EventData.text(d, "status")) && EventData.has(d, "offerId")) {
                    out.add(notice(e, Audience.role(Role.ASSURER, e.area()), NoticeKind.OFFER_AWAITS_ASSURANCE,
                            "\u201c" + EventData.text(d, "title") + "\u201d from " + orElse(EventData.text(d, "providerName"), "a provider")
                                    + " awaits assurance", PagePaths.offer(EventData.text(d, "offerId"))));
                }
            }
            default -> { }
        }
        return List.copyOf(out);
    }

    private static void toRaiser(List<Notice> out, EventEnvelope e, String raisedBy, NoticeKind kind, String title, String link) {
        if (raisedBy != null) {
            out.add(notice(e, Audience.person(raisedBy), kind, title, link));
        }
    }

    private static Notice notice(EventEnvelope e, Audience audience, NoticeKind kind, String title, String link) {
        return Notice.of(audience, kind, e.id(), e.area(), title, link, e.occurredAt());
    }

    private static String school(Map<String, Object> d) {
        String name = EventData.text(d, "schoolName");
        return name != null ? name : "the school with URN " + orElse(EventData.text(d, "urn"), "unknown");
    }

    private static String urgency(Map<String, Object> d) {
        String u = EventData.text(d, "urgency");
        return u == null ? "no urgency given" : u.toLowerCase(java.util.Locale.ROOT) + " urgency";
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
