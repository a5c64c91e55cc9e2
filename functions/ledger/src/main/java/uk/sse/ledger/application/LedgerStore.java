package uk.sse.ledger.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.sse.kernel.dynamo.StoreBusy;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.ledger.model.Account;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Entry;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.Snapshot;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;

/**
 * Where the ledger's accounts, transfers and entries live. Reads are strongly consistent. Any method may throw
 * {@link StoreBusy} for a failure worth retrying after a pause; it never means the data is wrong.
 */
public interface LedgerStore {

    /** The named items as they stand, read together; absent ones are left out. */
    Snapshot read(Collection<TransferId> transfers, Collection<AccountId> accounts);

    Optional<Transfer> transfer(TransferId id);

    Optional<Account> account(AccountId id);

    /**
     * Writes all of it or nothing, with its events ({@code LedgerEvents.of}), on condition that every item is as it was
     * read. False: another writer changed one of them first; read again and re-apply.
     */
    boolean write(Result.Applied applied);

    /** Stores a new account with its {@code ledger.account.opened} event of {@code at}; false if one with its id exists. */
    boolean open(Account account, Instant at);

    /** An account's entries, newest first; empty if the cursor is not one this account's statement gave. */
    Optional<Page<Entry>> statement(AccountId account, PageRequest page);

    /** An area's accounts, by owner; empty if the cursor is not one this listing gave. */
    Optional<Page<Account>> accountsIn(String area, PageRequest page);

    /** Everything in an area, for the invariant check. */
    AreaContents contentsOf(String area);

    /**
     * Pending holds with a timeout whose ids begin {@code idPrefix}, soonest timeout first; empty if the cursor is not
     * one this listing gave. A page may hold fewer than asked (the rest of the holds are filtered out) and still go on.
     */
    Optional<Page<Transfer>> pendingHolds(String idPrefix, PageRequest page);

    /** Ids of pending holds whose timeout is at or before {@code now}, soonest first. */
    List<TransferId> holdsDueBy(Instant now, int limit);

    record AreaContents(List<Account> accounts, List<Transfer> transfers, List<Entry> entries) {
        public AreaContents {
            accounts = List.copyOf(accounts);
            transfers = List.copyOf(transfers);
            entries = List.copyOf(entries);
        }
    }
}
