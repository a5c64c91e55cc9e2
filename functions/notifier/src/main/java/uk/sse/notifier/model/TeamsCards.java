package uk.sse.notifier.model;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * An event as a message a Microsoft Teams Workflows webhook ("when a Teams webhook request is received") posts: one
 * Adaptive Card 1.5 attachment with the event's title, what it is about in plain words, a fact set (urgency, status,
 * areas of support...), who did it and when, and a button to the page in the web app. Says what the Slack message says
 * ({@link SlackMessages#message}); user text has its square brackets swapped for look-alikes so it cannot forge a
 * Markdown link, and is cut to the same limits.
 */
public final class TeamsCards {

    static final String VERSION = "1.5";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneId.of("UTC"));

    private TeamsCards() {}

    public static Map<String, Object> of(EventEnvelope e, String linkBase, Taxonomy taxonomy) {
        SlackMessages.Message m = SlackMessages.message(e, linkBase, taxonomy);
        String title = EventCatalogue.title(e.type()) + (m.headline() == null ? "" : ": " + m.headline());
        List<Object> body = new ArrayList<>();
        body.add(text(
                SlackMessages.cut(plain(title), SlackMessages.HEADER_MAX),
                Map.of("size", "Large", "weight", "Bolder", "style", "heading")));
        body.add(text(SlackMessages.cut(plain(m.fallback()), SlackMessages.SECTION_MAX), Map.of()));
        if (!m.fields().isEmpty()) {
            body.add(Map.of(
                    "type",
                    "FactSet",
                    "facts",
                    m.fields().entrySet().stream()
                            .limit(10)
                            .map(f -> Map.of(
                                    "title",
                                    plain(f.getKey()),
                                    "value",
                                    SlackMessages.cut(plain(f.getValue()), SlackMessages.FIELD_MAX)))
                            .toList()));
        }
        body.add(text(
                SlackMessages.cut(
                        plain(m.context() + " · " + WHEN.format(e.occurredAt()) + " · event " + e.id()),
                        SlackMessages.FIELD_MAX),
                Map.of("isSubtle", true, "size", "Small")));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", VERSION);
        card.put("body", body);
        if (m.link() != null) {
            card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", m.linkText(), "url", m.link())));
        }
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("content", card);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("attachments", List.of(attachment));
        return message;
    }

    /** The card itself, out of its message: what the Adaptive Card schema describes. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> card(Map<String, Object> message) {
        return (Map<String, Object>)
                ((Map<String, Object>) ((List<Object>) message.get("attachments")).getFirst()).get("content");
    }

    private static Map<String, Object> text(String text, Map<String, Object> style) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        block.putAll(style);
        return block;
    }

    /** Square brackets swapped for look-alikes: no Markdown link can be made of user text. */
    static String plain(String text) {
        return text == null ? "" : text.replace('[', '\uFF3B').replace(']', '\uFF3D');
    }
}
