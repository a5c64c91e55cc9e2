package uk.sse.notifier.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a delivery's body is: a Slack incoming-webhook message ({@code text} and {@code blocks}), or the event
 * envelope exactly as its publisher stored it. A {@code slack} subscription also gets Slack's rules: at most about
 * one message a second per URL, and Slack's permanent errors disable it. Or a Microsoft Teams Workflows message carrying
 * an Adaptive Card 1.5 ({@link TeamsCards}).
 */
public enum Format {
    SLACK,
    JSON,
    TEAMS;

    /** The name in the API: {@code slack} or {@code json}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Format> ofApiName(String name) {
        for (Format f : values()) {
            if (f.apiName().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
