package uk.sse.notifier.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The dates the notifier watches on one request or offer, kept from the events it reads (decision 0076): what is needed
 * to remind people when time passes, and nothing of the publisher's storage. {@code key} names what is watched
 * ({@link On#key}); {@code version} is the last event's, so an event read again (or late) changes nothing.
 *
 * @param stage       for a request: {@link Stage#WAITING} to be brokered (since {@code waitingSince}), {@link Stage#PROPOSED}
 *                    (being brokered) or {@link Stage#ENGAGED} (agreed, in delivery); an offer is {@link Stage#ASSURED}
 * @param organisation the provider of the engagement or of the offer, if any
 * @param dueBy       a request's wanted-by date (also the date its engagement is expected to be complete), an offer's review date
 * @param urn         a request's school (null for an offer, and for a watch kept before it was remembered: decision 0108)
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
        LocalDate dueBy,
        String urn) {

    /**
     * What a watch is on, and the notifier's own key for it: the sort key of its watch item in the notifier's table.
     * The words are stored (decision 0076), so they stay as they are; they name no other function's key.
     */
    public enum On {
        REQUEST("REQUEST#"),
        OFFER("OFFER#");

        private final String prefix;

        On(String prefix) {
            this.prefix = prefix;
        }

        /** The key of the watch on the request or offer with this id. */
        public String key(String id) {
            return prefix + id;
        }

        /** What the watch with this key is on. */
        public static On of(String key) {
            return key.startsWith(OFFER.prefix) ? OFFER : REQUEST;
        }
    }

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
        return On.of(key) == On.OFFER;
    }
}
