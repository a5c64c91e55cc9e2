package uk.sse.notifier.application;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import uk.sse.kernel.events.EnvelopeText;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.model.Format;
import uk.sse.notifier.model.SlackMessages;

/** A delivery's body: a Slack message, a Teams card, or the envelope JSON exactly as its publisher stored it. */
@Singleton
public class Bodies {

    private final JsonMapper json;
    private final EnvelopeText events;
    private final String linkBase;

    public Bodies(JsonMapper json, EnvelopeText events, NotifierSettings settings) {
        this.json = json;
        this.events = events;
        this.linkBase = settings.linkBaseUrl();
    }

    /**
     * The page a JSON delivery is about, for its {@code Link} header (a Slack message carries its link in its body):
     * read from the envelope the body is.
     */
    public java.util.Optional<String> page(Format format, String body) {
        return format == Format.JSON
                ? events.read(body).flatMap(e -> SlackMessages.page(e, linkBase))
                : java.util.Optional.empty();
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code storedJson} is the envelope's text as stored (null to write it afresh, e.g. for a test message). */
    public String of(Format format, EventEnvelope event, String storedJson) {
        return switch (format) {
            case JSON -> storedJson != null ? storedJson : events.write(event);
            case SLACK -> write(SlackMessages.of(event, linkBase, Taxonomy.standard()));
            case TEAMS -> write(uk.sse.notifier.model.TeamsCards.of(event, linkBase, Taxonomy.standard()));
        };
    }
}
