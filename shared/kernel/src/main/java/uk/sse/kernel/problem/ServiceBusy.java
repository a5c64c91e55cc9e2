package uk.sse.kernel.problem;

/**
 * A dependency stayed contended or unreachable through every retry. Answered 503 with Retry-After: the request
 * is safe to repeat as it was (with the same id or Idempotency-Key), and the repeat settles what happened.
 */
public class ServiceBusy extends RuntimeException {

    public ServiceBusy(String what, Throwable cause) {
        super(what, cause);
    }
}
