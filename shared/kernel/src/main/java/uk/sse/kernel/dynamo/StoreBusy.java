package uk.sse.kernel.dynamo;

import uk.sse.kernel.problem.ServiceBusy;

/**
 * The store could not answer this time: a transaction conflict, throttling, or a call whose outcome is unknown
 * (it timed out, perhaps after the write landed). Worth a retry after a pause where the change is idempotent:
 * re-reading and re-applying settles whichever way it went. One that escapes every retry is answered 503.
 */
public class StoreBusy extends ServiceBusy {

    public StoreBusy(String what, Throwable cause) {
        super(what, cause);
    }
}
