package uk.sse.ledger.model;

import java.util.List;
import java.util.Optional;

/** What a command did: changes to write, an idempotent replay, or a refusal. Nothing is thrown for a bad command. */
public sealed interface Result {

    /**
     * Write all of this or nothing. {@code accounts} are the new states (each version = the version read + 1);
     * {@code transfers} the created or resolved transfers; {@code entries} the posted movements.
     */
    record Applied(List<Account> accounts, List<Transfer> transfers, List<Entry> entries) implements Result {
        public Applied {
            accounts = List.copyOf(accounts);
            transfers = List.copyOf(transfers);
            entries = List.copyOf(entries);
        }

        public boolean empty() {
            return accounts.isEmpty() && transfers.isEmpty() && entries.isEmpty();
        }
    }

    /** The same command was applied before: here is the transfer as it stands. Nothing to write. */
    record AlreadyApplied(Transfer original) implements Result {}

    /** Refused; {@code holdState} is the hold's state for HOLD_ALREADY_RESOLVED. Nothing to write. */
    record Refused(Refusal reason, String message, Optional<TransferState> holdState) implements Result {
        public Refused(Refusal reason, String message) {
            this(reason, message, Optional.empty());
        }
    }
}
