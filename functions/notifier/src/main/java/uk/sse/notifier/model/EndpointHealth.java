package uk.sse.notifier.model;

import java.time.Duration;
import java.time.Instant;

/**
 * An endpoint's health after an attempt: a success makes it healthy; a failure starts (or continues) a failing
 * spell; a spell as long as {@code disableAfter} (5 days by default), or a verdict that it is gone, disables it.
 * Test messages leave it as it was.
 */
public final class EndpointHealth {

    private EndpointHealth() {}

    public sealed interface Change {
        /** Nothing to write. */
        record None() implements Change {}

        /** It had been failing and is answering again. */
        record Recovered() implements Change {}

        /** A failing spell starts now. */
        record StartedFailing(Instant since) implements Change {}

        record Disabled(String reason) implements Change {}
    }

    public static Change after(
            Instant failingSince, Delivery.Kind kind, Verdict verdict, Instant now, Duration disableAfter) {
        if (kind != Delivery.Kind.EVENT) {
            return new Change.None();
        }
        return switch (verdict) {
            case Verdict.Delivered ok -> failingSince == null ? new Change.None() : new Change.Recovered();
            case Verdict.Disable gone -> new Change.Disabled(gone.reason());
            case Verdict.Retry failed -> {
                if (failingSince == null) {
                    yield disableAfter.isZero()
                            ? new Change.Disabled("failing: " + failed.reason())
                            : new Change.StartedFailing(now);
                }
                yield Duration.between(failingSince, now).compareTo(disableAfter) >= 0
                        ? new Change.Disabled("every attempt has failed since " + failingSince + " ("
                                + days(disableAfter) + "); the last " + failed.reason())
                        : new Change.None();
            }
        };
    }

    private static String days(Duration d) {
        long days = d.toDays();
        return days >= 1 ? days + (days == 1 ? " day" : " days") : d.toString();
    }
}
