package uk.sse.notifier.model;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.sse.contracts.Fields;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.contracts.brokerage.BrokerageEvent.EngagementCompleted;
import uk.sse.contracts.brokerage.BrokerageEvent.EngagementEvaluated;
import uk.sse.contracts.brokerage.BrokerageEvent.HoldRefused;
import uk.sse.contracts.brokerage.BrokerageEvent.HoldReleased;
import uk.sse.contracts.brokerage.BrokerageEvent.ProposalAccepted;
import uk.sse.contracts.brokerage.BrokerageEvent.ProposalDeclined;
import uk.sse.contracts.brokerage.BrokerageEvent.RequestCreated;
import uk.sse.contracts.brokerage.BrokerageEvent.RequestProposed;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;
import uk.sse.kernel.web.PagePaths;

/**
 * An event as a Slack incoming-webhook message (also what Teams' and Mattermost's Slack-compatible hooks read):
 * {@code text}, the fallback notifications and old clients show, and {@code blocks}: a header with the event's
 * title, a section naming the school (name and URN) and the need, or the offer, fields with the urgency, status,
 * areas of support and what the event adds, a context line of who did it and when, and a button linking to the
 * request, offer or subscription in the web app. User text is escaped ({@code &}, {@code <}, {@code >}), so a
 * school's name cannot mention {@code @channel} or forge a link (plain text has its angle brackets swapped for look-alikes),
 * and cut to Slack's limits.
 */
public final class SlackMessages {

    static final int HEADER_MAX = 150;
    static final int SECTION_MAX = 3000;
    static final int FIELD_MAX = 2000;
    static final int NEED_MAX = 600;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneId.of("UTC"));

    private SlackMessages() {}

    public static Map<String, Object> of(EventEnvelope e, String linkBase, Taxonomy taxonomy) {
        String title = EventCatalogue.title(e.type());
        Message m = message(e, linkBase, taxonomy);
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of(
                "type",
                "header",
                "text",
                plain(cut(title + (m.headline() == null ? "" : ": " + m.headline()), HEADER_MAX))));
        blocks.add(section(m.summary()));
        if (!m.fields().isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", "section");
            fields.put(
                    "fields",
                    m.fields().entrySet().stream()
                            .limit(10)
                            .map(f -> mrkdwn(cut("*" + escape(f.getKey()) + "*\n" + escape(f.getValue()), FIELD_MAX)))
                            .toList());
            blocks.add(fields);
        }
        blocks.add(Map.of(
                "type",
                "context",
                "elements",
                List.of(mrkdwn(cut(
                        escape(m.context() + " · " + WHEN.format(e.occurredAt()) + " · event " + e.id()),
                        FIELD_MAX)))));
        if (m.link() != null) {
            Map<String, Object> button = new LinkedHashMap<>();
            button.put("type", "button");
            button.put("text", plain(m.linkText()));
            button.put("url", m.link());
            blocks.add(Map.of("type", "actions", "elements", List.of(button)));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put(
                "text",
                cut(
                        escape(title + (m.headline() == null ? "" : ": " + m.headline()) + ". " + m.fallback())
                                + (m.link() == null ? "" : " <" + m.link() + "|" + escape(m.linkText()) + ">"),
                        SECTION_MAX));
        message.put("blocks", blocks);
        return message;
    }

    /**
     * The web application's page the event is about (its request, its offer, its subscription), under {@code linkBase};
     * none for a test message. The Slack message's button opens it; a JSON delivery names it in its {@code Link} header.
     */
    public static Optional<String> page(EventEnvelope e, String linkBase) {
        String path = switch (e.source()) {
            case "brokerage" ->
                BrokerageEvents.request(e)
                        .map(r -> PagePaths.request(r.requestId()))
                        .orElse(null);
            case "directory" ->
                DirectoryEvents.offer(e).map(o -> PagePaths.offer(o.offerId())).orElse(null);
            default -> {
                String id = SubscriptionNotice.of(e).subscriptionId();
                yield EventCatalogue.TEST.equals(e.type()) || id == null ? null : PagePaths.webhook(id);
            }
        };
        return Optional.ofNullable(path).map(p -> linkBase + p);
    }

    /** What a message says before layout, in Slack's form or a Teams card's ({@link TeamsCards}). */
    static Message message(EventEnvelope e, String linkBase, Taxonomy taxonomy) {
        return switch (e.source()) {
            case "brokerage" -> brokerage(e, linkBase, taxonomy);
            case "directory" -> offer(e, linkBase, taxonomy);
            default -> notifier(e, linkBase);
        };
    }

    /** The parts of a message before layout: {@code summary} is mrkdwn already escaped, the rest plain text. */
    record Message(
            String headline,
            String summary,
            Map<String, String> fields,
            String context,
            String fallback,
            String link,
            String linkText) {}

    private static Message brokerage(EventEnvelope e, String linkBase, Taxonomy taxonomy) {
        Optional<BrokerageEvent.Request> read = BrokerageEvents.request(e);
        if (read.isEmpty()) {
            return unreadable("brokerage", "Open request");
        }
        BrokerageEvent.Request r = read.get();
        BrokerageEvent event = BrokerageEvents.read(e).orElse(null);
        String named = r.schoolName() == null ? "URN " + r.urn() : r.schoolName() + " (URN " + r.urn() + ")";
        String need = event instanceof RequestCreated c ? c.need() : null;
        String summary = "*" + escape(named) + "*" + (need == null ? "" : "\n" + escape(cut(need, NEED_MAX)));
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "Urgency", r.urgency());
        put(fields, "Status", status(r.to()));
        put(fields, "Areas of support", areas(r.areasOfSupport(), taxonomy));
        if (event instanceof RequestCreated c) {
            put(fields, "Days wanted", String.valueOf(c.daysWanted()));
            put(fields, "Wanted by", c.wantedBy().toString());
            put(fields, "Credits", String.valueOf(c.credits()));
        }
        if (event instanceof HoldRefused h) {
            put(fields, "Credits", String.valueOf(h.credits()));
        }
        if (event instanceof RequestProposed p && !p.proposals().isEmpty()) {
            put(fields, "Proposed", p.proposals().size() + (p.proposals().size() == 1 ? " offer" : " offers"));
        }
        Optional<BrokerageEvent.Engagement> engagement =
                Optional.ofNullable(event).flatMap(BrokerageEvent::engagementIfAny);
        engagement.ifPresent(g -> {
            put(fields, "Engagement", g.days() + " days, " + g.credits() + " credits, provider " + g.providerId());
            if (event instanceof EngagementCompleted) {
                put(fields, "Delivered", g.daysDelivered() + " days, " + g.creditsPosted() + " credits paid");
            }
        });
        BrokerageEvent.Proposal proposal = event instanceof ProposalAccepted a
                ? a.proposal()
                : event instanceof ProposalDeclined d ? d.proposal() : null;
        if (proposal != null) {
            put(
                    fields,
                    "Proposal",
                    proposal.proposalId() + ": offer " + proposal.offerId() + " from " + proposal.providerId());
        }
        if (event instanceof EngagementEvaluated v) {
            put(fields, "Rating", v.rating() + " " + v.score() + " of 5");
        }
        put(fields, "Reason", reason(event));
        String context = r.byKind().toLowerCase(Locale.ROOT) + " " + r.by();
        String fallback = (need == null ? "" : cut(need, 200) + ". ") + "Urgency " + r.urgency() + ", status "
                + status(r.to()) + ".";
        return new Message(
                named,
                summary,
                fields,
                context.isBlank() ? "brokerage" : context,
                fallback,
                page(e, linkBase).orElse(null),
                "Open request");
    }

    /** The message for an event of {@code source} that does not meet its contract: it says so, and links nowhere. */
    private static Message unreadable(String source, String linkText) {
        return new Message(
                null,
                "A " + source + " event that does not meet its contract (docs/events.md).",
                Map.of(),
                source,
                "A " + source + " event.",
                null,
                linkText);
    }

    private static String reason(BrokerageEvent event) {
        return switch (event) {
            case ProposalDeclined d -> d.reason();
            case BrokerageEvent.Closed c -> c.reason();
            case HoldRefused h -> h.reason();
            case HoldReleased h -> h.reason();
            case null, default -> null;
        };
    }

    private static Message offer(EventEnvelope e, String linkBase, Taxonomy taxonomy) {
        Optional<DirectoryEvent.OfferChanged> read = DirectoryEvents.offer(e);
        if (read.isEmpty()) {
            return unreadable("directory", "Open offer");
        }
        DirectoryEvent.OfferChanged o = read.get();
        String provider = o.providerName();
        String summary = "*" + escape(o.title()) + "*"
                + "\n" + escape(provider) + " ("
                + o.providerType().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "Status", status(o.status()));
        put(fields, "Areas of support", areas(o.areasOfSupport(), taxonomy));
        put(fields, "Price", o.priceCredits() + " credits");
        put(
                fields,
                "Review date",
                o.reviewDate() == null ? null : o.reviewDate().toString());
        DirectoryEvent.Assurance assurance = o.assurance();
        put(fields, "Reason", assurance == null ? null : assurance.reason());
        return new Message(
                o.title(),
                summary,
                fields,
                assurance == null ? "directory" : "by " + assurance.by(),
                provider + ". Status " + status(o.status()) + ".",
                linkBase + PagePaths.offer(o.offerId()),
                "Open offer");
    }

    /**
     * What the notifier's own events ({@code notifier.subscription.*}, docs/events.md) say of their subscription, read
     * through the contracts' {@link Fields}; each member may be absent, and an event that does not meet this says
     * nothing.
     */
    private record SubscriptionNotice(
            String subscriptionId, String host, String reason, String description, String failingSince) {
        static SubscriptionNotice of(EventEnvelope e) {
            try {
                Fields f = Fields.of(e.type(), e.data(), 1, 1);
                return new SubscriptionNotice(
                        f.optionalText("subscriptionId"),
                        f.optionalText("host"),
                        f.optionalText("reason"),
                        f.optionalText("description"),
                        f.optionalText("failingSince"));
            } catch (Fields.Unreadable unreadable) {
                return new SubscriptionNotice(null, null, null, null, null);
            }
        }
    }

    private static Message notifier(EventEnvelope e, String linkBase) {
        SubscriptionNotice n = SubscriptionNotice.of(e);
        String id = n.subscriptionId();
        String host = n.host();
        String reason = n.reason();
        String description = n.description();
        if (EventCatalogue.TEST.equals(e.type())) {
            return new Message(
                    null,
                    "This is a test message from School Support Exchange for subscription `" + escape(nonNull(id))
                            + "`. If its signature verifies, the endpoint is ready.",
                    Map.of(),
                    "notifier",
                    "Subscription " + nonNull(id) + " reaches this endpoint.",
                    null,
                    null);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "Subscription", id);
        put(fields, "Description", description);
        put(fields, "Failing since", n.failingSince());
        return new Message(
                host,
                "Webhooks to *" + escape(nonNull(host)) + "* stopped: " + escape(nonNull(reason))
                        + "\nFix the endpoint, then resume the subscription.",
                fields,
                "notifier",
                "Webhooks to " + nonNull(host) + " stopped: " + nonNull(reason) + ".",
                id == null ? null : linkBase + PagePaths.webhook(id),
                "Open subscription");
    }

    private static String areas(List<String> codes, Taxonomy taxonomy) {
        if (codes.isEmpty()) {
            return null;
        }
        return String.join(
                ", ",
                codes.stream()
                        .map(c -> taxonomy.find(c).map(Term::label).orElse(c))
                        .toList());
    }

    private static String status(String status) {
        return status == null ? "" : status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Object> section(String mrkdwn) {
        return Map.of("type", "section", "text", mrkdwn(cut(mrkdwn, SECTION_MAX)));
    }

    private static Map<String, Object> mrkdwn(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }

    /** Plain text is shown as written; angle brackets are swapped for look-alikes all the same, so nothing can read as a mention. */
    private static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text.replace('<', '‹').replace('>', '›'), "emoji", false);
    }

    /** Slack's mrkdwn escaping: the three characters that start a control sequence or an entity. */
    public static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** At most {@code max} characters, an ellipsis marking a cut; never splits a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
