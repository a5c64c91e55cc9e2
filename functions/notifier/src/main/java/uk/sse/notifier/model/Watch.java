package uk.sse.notifier.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The dates the notifier watches on one request or offer, kept from the events it reads (decision 0076): what is needed
 * to remind people when time passes, and nothing of the publisher's storage. {@code key} is {@code REQUEST#<id>} or
 * {@code OFFER#<id>}; {@code version} is the last event's, so an event read again (or late) changes nothing.
 *
 * @param stage       for a request: {@link Stage#WAITING} to be brokered (since {@code waitingSince}), {@link Stage#PROPOSED}
 *                    (being brokered) or {@link Stage#ENGAGED} (agreed, in delivery); an offer is {@link Stage#ASSURED}
 * @param organisation the provider of the engagement or of the offer, if any
 * @param dueBy       a request's wanted-by date (also the date its engagement is expected to be complete), an offer's review date
 */
public record Watch(
        String key,
        long version,
        Stage stage,
        String area,
        String name,
        String link,
        String organisation,
        Instant waitingSince,
        LocalDate dueBy) {

    public enum Stage {
        WAITING,
        PROPOSED,
        ENGAGED,
        ASSURED
    }

    public Watch {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(stage, "stage");
    }

    public boolean isOffer() {
        return key.startsWith("OFFER#");
    }
}
