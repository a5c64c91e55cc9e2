package uk.sse.ledger.application;

/**
 * The store could not answer this time: a transaction conflict, throttling, or a call whose outcome is unknown
 * (it timed out, perhaps after the write landed). Worth a retry after a pause; the commands are idempotent,
 * so re-reading and re-applying settles whichever way it went.
 */
public class StoreBusy extends RuntimeException {

    public StoreBusy(String what, Throwable cause) {
        super(what, cause);
    }
}
