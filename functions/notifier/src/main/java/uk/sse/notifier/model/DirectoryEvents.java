package uk.sse.notifier.model;

import java.util.Optional;
import uk.sse.contracts.Fields;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.kernel.events.EventEnvelope;

/**
 * The directory's events as the notifier reads them, through the contract's one reader ({@link DirectoryEvent#read}):
 * an event that does not meet its contract is one the notifier says nothing particular about, never a failed batch.
 */
public final class DirectoryEvents {

    /** The types of a provider's events: an assurer's decisions on its designations. */
    public static final String PROVIDER_PREFIX = "directory.provider.";

    private DirectoryEvents() {}

    /** The assurer's decision on a provider's designations, if {@code e} is one and meets its contract. */
    public static Optional<DirectoryEvent.DesignationDecision> designation(EventEnvelope e) {
        return read(e, e.type().startsWith(PROVIDER_PREFIX), DirectoryEvent.DesignationDecision.class);
    }

    /** The register's closing of a school, if {@code e} is one and meets its contract. */
    public static Optional<DirectoryEvent.SchoolClosed> schoolClosed(EventEnvelope e) {
        return read(e, DirectoryEvent.SCHOOL_CLOSED.equals(e.type()), DirectoryEvent.SchoolClosed.class);
    }

    /** The directory's offer event, if {@code e} is one and meets its contract. */
    public static Optional<DirectoryEvent.OfferChanged> offer(EventEnvelope e) {
        return read(e, e.type().startsWith(DirectoryEvent.OFFER_PREFIX), DirectoryEvent.OfferChanged.class);
    }

    private static <T> Optional<T> read(EventEnvelope e, boolean ofItsType, Class<T> as) {
        try {
            return ofItsType
                    ? DirectoryEvent.read(e.type(), e.occurredAt(), e.area(), e.data())
                            .filter(as::isInstance)
                            .map(as::cast)
                    : Optional.empty();
        } catch (Fields.Unreadable unreadable) {
            return Optional.empty();
        }
    }
}
