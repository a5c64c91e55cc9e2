package uk.sse.brokerage.model;

import java.util.List;
import uk.sse.kernel.events.EventEnvelope;

/** What a command did: a new state to write, or a refusal. Nothing is thrown for a bad command. */
public sealed interface Result {

    /**
     * Write {@code request} on condition that the stored version is {@code request.version() - 1} (for RAISE: that
     * none exists), with {@code event}. First do {@code ledgerBefore} (if the ledger refuses one, write nothing and
     * answer with its reason); after the write, do {@code ledgerAfter} (best effort, repeatable).
     * <p>If the ledger step succeeded but the write then failed (someone else moved first): re-read; if
     * {@link Brokerage#strayHold} says the hold this command placed can never be the request's, void it; otherwise
     * apply the same intent to the new state (the ledger steps are idempotent) or answer the conflict.
     */
    record Applied(
            BrokerageRequest request,
            EventEnvelope event,
            List<LedgerEffect> ledgerBefore,
            List<LedgerEffect> ledgerAfter)
            implements Result {
        public Applied {
            ledgerBefore = List.copyOf(ledgerBefore);
            ledgerAfter = List.copyOf(ledgerAfter);
        }

        public Transition transition() {
            return request.history().get(request.history().size() - 1);
        }
    }

    /**
     * Refused, changing nothing. {@code status} and {@code version} are the request's as read (null and 0 for RAISE and NOT_FOUND);
     * {@code allowed} the actions its status allows, named in a 409 (empty for RAISE and NOT_FOUND); {@code field} the bad field for INVALID.
     */
    record Refused(
            Refusal reason, String message, String field, RequestStatus status, long version, List<Action> allowed)
            implements Result {
        public Refused {
            allowed = List.copyOf(allowed);
        }
    }
}
