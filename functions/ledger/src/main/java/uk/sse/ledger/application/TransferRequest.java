package uk.sse.ledger.application;

import java.time.Instant;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Command;
import uk.sse.ledger.model.Requester;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferKind;

/** A client's transfer as asked for; it becomes a command when the time of handling and who asked are known. */
public record TransferRequest(
        TransferId id,
        AccountId debit,
        AccountId credit,
        long amount,
        TransferKind kind,
        String reference,
        boolean pending,
        long timeoutSeconds) {

    public Command.CreateTransfer at(Instant now, Requester by) {
        return new Command.CreateTransfer(id, debit, credit, amount, kind, reference, pending, timeoutSeconds, by, now);
    }
}
