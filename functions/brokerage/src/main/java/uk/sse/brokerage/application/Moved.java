package uk.sse.brokerage.application;

import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Result;

/** What a command on a request came to. */
public sealed interface Moved {

    /** Applied and stored: the request as it now stands. */
    record Done(BrokerageRequest request) implements Moved {}

    /** The model refused it (not found, forbidden, stale, illegal, invalid...): nothing changed. */
    record Refused(Result.Refused refusal) implements Moved {}

    /** The ledger refused the hold, the post or the void it needed: nothing changed. */
    record LedgerRefused(BrokerageRequest request, Ledger.Answer.Refused answer) implements Moved {}
}
