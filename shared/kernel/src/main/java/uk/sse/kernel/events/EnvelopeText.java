package uk.sse.kernel.events;

import java.util.Optional;

/**
 * An envelope as the JSON text an event item stores and a consumer may pass on unchanged: the port plain code reads and
 * writes it through ({@code EventJson}, with Micronaut's JSON mapper, in sse-kernel-http).
 */
public interface EnvelopeText {

    String write(EventEnvelope envelope);

    /** The envelope in {@code text}, or empty if it is not one. */
    Optional<EventEnvelope> read(String text);
}
