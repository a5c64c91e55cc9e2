package uk.sse.ledger.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.sse.ledger.model.Command.CreateTransfer;
import uk.sse.ledger.model.Command.ExpireHolds;
import uk.sse.ledger.model.Command.ExtendHold;
import uk.sse.ledger.model.Command.PostPending;
import uk.sse.ledger.model.Command.VoidPending;
import uk.sse.ledger.model.Result.Applied;

/** An in-memory ledger for tests: reads a snapshot as a store would, applies through {@link Ledger}, writes the result with version checks. */
public final class LedgerBook {
    public final Map<AccountId, Account> accounts = new TreeMap<>();
    public final Map<TransferId, Transfer> transfers = new TreeMap<>();
    public final List<Entry> entries = new ArrayList<>();

    public Account open(Account account) {
        accounts.put(account.id(), account);
        return account;
    }

    public Result apply(Command command) {
        Result result = Ledger.apply(snapshotFor(command), command);
        if (result instanceof Applied a) write(a);
        return result;
    }

    Snapshot snapshotFor(Command command) {
        Set<AccountId> accountIds = new TreeSet<>();
        List<Transfer> read = new ArrayList<>();
        switch (command) {
            case CreateTransfer c -> {
                accountIds.add(c.debit());
                accountIds.add(c.credit());
                if (transfers.containsKey(c.id())) read.add(transfers.get(c.id()));
            }
            case PostPending p -> addHold(p.id(), read, accountIds);
            case VoidPending v -> addHold(v.id(), read, accountIds);
            case ExtendHold x -> addHold(x.id(), read, accountIds);
            case ExpireHolds e ->
                transfers.values().stream().filter(t -> t.expiredAt(e.now())).forEach(t -> {
                    read.add(t);
                    accountIds.add(t.debit());
                    accountIds.add(t.credit());
                });
        }
        return Snapshot.of(
                accountIds.stream()
                        .filter(accounts::containsKey)
                        .map(accounts::get)
                        .toList(),
                read);
    }

    private void addHold(TransferId id, List<Transfer> read, Set<AccountId> accountIds) {
        Transfer t = transfers.get(id);
        if (t != null) {
            read.add(t);
            accountIds.add(t.debit());
            accountIds.add(t.credit());
        }
    }

    /** What a TransactWriteItems would do: every condition holds or nothing is written. */
    private void write(Applied a) {
        for (Account after : a.accounts()) {
            Account before = accounts.get(after.id());
            if (before == null || before.version() != after.version() - 1)
                throw new IllegalStateException("version condition failed on " + after.id());
        }
        for (Transfer after : a.transfers()) {
            Transfer before = transfers.get(after.id());
            boolean created = after.revision() == 0;
            if (created
                    ? before != null
                    : before == null
                            || before.state() != TransferState.PENDING
                            || before.revision() != after.revision() - 1)
                throw new IllegalStateException("transfer condition failed on " + after.id());
        }
        a.accounts().forEach(x -> accounts.put(x.id(), x));
        a.transfers().forEach(x -> transfers.put(x.id(), x));
        entries.addAll(a.entries());
    }

    List<String> violations() {
        return Invariants.check(accounts.values(), transfers.values(), entries);
    }

    /** A copy of the whole state, for comparing before and after. */
    State state() {
        return new State(Map.copyOf(accounts), Map.copyOf(transfers), List.copyOf(entries));
    }

    record State(Map<AccountId, Account> accounts, Map<TransferId, Transfer> transfers, List<Entry> entries) {}
}
