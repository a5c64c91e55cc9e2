package uk.sse.ledger.application;

import uk.sse.kernel.problem.ServiceBusy;

/** Every attempt met contention or a fault. The client repeats with the same id; the repeat settles it. */
public class LedgerBusy extends ServiceBusy {

    public LedgerBusy(String what, Throwable cause) {
        super(what, cause);
    }
}
