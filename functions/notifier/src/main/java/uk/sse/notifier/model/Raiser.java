package uk.sse.notifier.model;

/**
 * Who raised a request, as its {@code brokerage.request.created} says: an adviser, told as one person, or the school
 * itself (decision 0081), whose staff are told (decision 0089). Remembered by the notifier, since later events do not
 * repeat it.
 */
public sealed interface Raiser {

    /** The audience told of what happens to the request. */
    Audience audience();

    record Adviser(String subject) implements Raiser {
        public Audience audience() {
            return Audience.person(subject);
        }
    }

    /** A school asking for itself: its staff, and only its staff, are told. */
    record School(String urn) implements Raiser {
        public Audience audience() {
            return Audience.organisation(urn);
        }
    }
}
