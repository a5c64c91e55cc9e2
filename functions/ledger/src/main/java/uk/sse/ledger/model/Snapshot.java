package uk.sse.ledger.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The items a command touches, as read: for CreateTransfer the transfer with its id (if any) and the two
 * accounts; for PostPending and VoidPending the hold and its two accounts; for ExpireHolds the candidate
 * holds and their accounts.
 */
public record Snapshot(Map<AccountId, Account> accounts, Map<TransferId, Transfer> transfers) {
    public Snapshot {
        accounts = Map.copyOf(accounts);
        transfers = Map.copyOf(transfers);
    }

    public static Snapshot of(Collection<Account> accounts, Collection<Transfer> transfers) {
        return new Snapshot(
                accounts.stream().collect(Collectors.toMap(Account::id, Function.identity())),
                transfers.stream().collect(Collectors.toMap(Transfer::id, Function.identity())));
    }

    public static Snapshot of(List<Account> accounts) {
        return of(accounts, List.of());
    }

    public Optional<Account> account(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public Optional<Transfer> transfer(TransferId id) {
        return Optional.ofNullable(transfers.get(id));
    }
}
