package uk.sse.ledger.model;

import java.time.Instant;
import java.util.OptionalLong;

/** What may be asked of the ledger, and by whom. {@code at} is the time the request is handled. */
public sealed interface Command {

    /** Move credits now, or (pending) hold them; timeoutSeconds 0 = the hold never expires. */
    record CreateTransfer(
            TransferId id,
            AccountId debit,
            AccountId credit,
            long amount,
            TransferKind kind,
            String reference,
            boolean pending,
            long timeoutSeconds,
            Requester by,
            Instant at)
            implements Command {
        public CreateTransfer {
            reference = normalReference(reference);
        }
    }

    /** Post a hold: all of it (amount empty) or part, releasing the rest. */
    record PostPending(TransferId id, OptionalLong amount, Requester by, Instant at) implements Command {}

    /** Release a hold. */
    record VoidPending(TransferId id, Requester by, Instant at) implements Command {}

    /** Move a pending hold's timeout to {@code timeoutSeconds} from now, never earlier than it was. */
    record ExtendHold(TransferId id, long timeoutSeconds, Requester by, Instant at) implements Command {}

    /** Void every hold in the snapshot whose timeout is at or before {@code now}. */
    record ExpireHolds(Instant now) implements Command {}

    static String normalReference(String reference) {
        return reference == null ? "" : reference;
    }
}
