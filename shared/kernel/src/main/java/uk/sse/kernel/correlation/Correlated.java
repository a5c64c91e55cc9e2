package uk.sse.kernel.correlation;

/**
 * Runs work as part of a correlation id, so that what it logs carries the id (a delivery made for an event logs under
 * the id of the request that made the event): the port plain code uses ({@code Correlation} keeps the id in the logging
 * context, in sse-kernel-http).
 */
@FunctionalInterface
public interface Correlated {

    /** Runs {@code work} as part of {@code id} (none: as it is), then restores the context. */
    void during(String id, Runnable work);
}
