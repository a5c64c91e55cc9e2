package uk.sse.notifier.model;

import java.util.Locale;
import java.util.Set;

/**
 * What a result means. 2xx is delivered. 410 Gone disables the endpoint at once. A {@code slack} subscription's
 * permanent Slack errors (the body names them, e.g. 404 {@code channel_not_found}, 410 {@code channel_is_archived},
 * 403 {@code action_prohibited}) disable it too. Everything else (other 4xx, 5xx, redirects, which are never
 * followed, timeouts, refused connections, a destination that now resolves somewhere refused) is tried again.
 */
public final class Verdicts {

    /** Slack incoming-webhook errors that no retry can fix (https://api.slack.com/messaging/webhooks#handling_errors). */
    static final Set<String> SLACK_PERMANENT = Set.of(
            "channel_not_found",
            "channel_is_archived",
            "action_prohibited",
            "no_service",
            "no_service_id",
            "no_team",
            "team_disabled",
            "invalid_token",
            "user_not_found",
            "posting_to_general_channel_denied");

    private Verdicts() {}

    public static Verdict of(SendResult result, Format format) {
        return switch (result) {
            case SendResult.Answered a when a.success() -> new Verdict.Delivered("answered " + a.status());
            case SendResult.Answered a when a.status() == 410 -> new Verdict.Disable("the endpoint answered 410 Gone");
            case SendResult.Answered a
            when format == Format.SLACK && slackPermanent(a) ->
                new Verdict.Disable("Slack answered " + a.status() + " " + slackCode(a));
            case SendResult.Answered a
            when a.status() >= 300 && a.status() < 400 ->
                new Verdict.Retry("answered " + a.status() + " (redirects are not followed)");
            case SendResult.Answered a -> new Verdict.Retry("answered " + a.status());
            case SendResult.NoAnswer n ->
                new Verdict.Retry(
                        switch (n.failure()) {
                            case REFUSED_DESTINATION -> "destination refused: " + n.detail();
                            case TIMEOUT -> "timed out: " + n.detail();
                            case CONNECTION -> "could not connect: " + n.detail();
                            case PROTOCOL -> "broken answer: " + n.detail();
                        });
        };
    }

    private static boolean slackPermanent(SendResult.Answered a) {
        return a.status() >= 400 && a.status() < 500 && SLACK_PERMANENT.contains(slackCode(a));
    }

    private static String slackCode(SendResult.Answered a) {
        return a.excerpt() == null ? "" : a.excerpt().trim().toLowerCase(Locale.ROOT);
    }
}
