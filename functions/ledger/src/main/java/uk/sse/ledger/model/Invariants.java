package uk.sse.ledger.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger's invariants over a whole state; an empty list means all hold. Besides double entry (balances sum to zero,
 * each balance is its entries, pending totals are the open holds, each hold resolved once), no credit is minted: the
 * issuing account's debits are exactly its allocations and its commissioners' adjustments; a credit scheme's transfer is
 * the shape its id names, so each school has at most one entitlement per term and one expiry per year.
 */
public final class Invariants {
    private Invariants() {}

    public static List<String> check(
            Collection<Account> accounts, Collection<Transfer> transfers, Collection<Entry> entries) {
        List<String> violations = new ArrayList<>();
        Map<String, long[]> areas = new TreeMap<>(); // balance, debits pending, credits pending
        Map<AccountId, Long> entrySums = new HashMap<>();
        Map<TransferId, List<Entry>> entriesByTransfer = new HashMap<>();
        for (Entry e : entries) {
            entrySums.merge(e.account(), e.amount(), Long::sum);
            entriesByTransfer
                    .computeIfAbsent(e.transfer(), t -> new ArrayList<>())
                    .add(e);
        }
        Map<AccountId, long[]> holds = new HashMap<>(); // debits pending, credits pending from PENDING holds
        Map<AccountId, Long> issued =
                new HashMap<>(); // what allocations and commissioners' adjustments took from issuing
        for (Transfer t : transfers) {
            if (t.state() == TransferState.PENDING) {
                holds.computeIfAbsent(t.debit(), a -> new long[2])[0] += t.amount();
                holds.computeIfAbsent(t.credit(), a -> new long[2])[1] += t.amount();
            }
            if (t.id().schemeTransfer() && !SchemeTransfers.shapeMatches(t))
                violations.add(t.id() + ": a credit scheme's id on a transfer that is not the shape it names");
            if (t.debit().owner().equals(AccountId.ISSUING_OWNER)) {
                if (t.issuesCredits()) issued.merge(t.debit(), t.postedAmount(), Long::sum);
                else
                    violations.add(t.id()
                            + ": debits the issuing account but is not an allocation or a commissioner's adjustment");
            }
        }
        for (Account a : accounts) {
            long[] sums = areas.computeIfAbsent(a.area(), x -> new long[3]);
            sums[0] += a.balance();
            sums[1] += a.debitsPending();
            sums[2] += a.creditsPending();
            long fromEntries = entrySums.getOrDefault(a.id(), 0L);
            if (fromEntries != a.balance())
                violations.add(a.id() + ": balance " + a.balance() + " but its entries sum to " + fromEntries);
            if (!a.issuing() && a.available() < 0)
                violations.add(a.id() + ": available " + a.available() + " below zero");
            long fromIssuing = issued.getOrDefault(a.id(), 0L);
            if (a.issuing() && a.debitsPosted() != fromIssuing)
                violations.add(a.id() + ": issued " + a.debitsPosted()
                        + " but its allocations and commissioners' adjustments sum to " + fromIssuing);
            long[] held = holds.getOrDefault(a.id(), new long[2]);
            if (held[0] != a.debitsPending() || held[1] != a.creditsPending())
                violations.add(a.id() + ": pending " + a.debitsPending() + "/" + a.creditsPending()
                        + " but its open holds sum to " + held[0] + "/" + held[1]);
        }
        areas.forEach((area, sums) -> {
            if (sums[0] != 0) violations.add("area " + area + ": balances sum to " + sums[0]);
            if (sums[1] != sums[2])
                violations.add("area " + area + ": pending debits " + sums[1] + " but pending credits " + sums[2]);
        });
        for (Transfer t : transfers) {
            List<Entry> es = entriesByTransfer.getOrDefault(t.id(), List.of());
            long posted = switch (t.state()) {
                case SINGLE_PHASE -> {
                    if (t.pending()) violations.add(t.id() + ": a hold marked single-phase");
                    if (t.postedAmount() != t.amount())
                        violations.add(t.id() + ": single-phase but posted " + t.postedAmount() + " of " + t.amount());
                    yield t.amount();
                }
                case POSTED -> {
                    if (!t.pending()) violations.add(t.id() + ": posted but not a hold");
                    if (t.postedAmount() <= 0 || t.postedAmount() > t.amount())
                        violations.add(t.id() + ": posted " + t.postedAmount() + " of a hold of " + t.amount());
                    yield t.postedAmount();
                }
                case PENDING, VOIDED -> {
                    if (!t.pending()) violations.add(t.id() + ": " + t.state() + " but not a hold");
                    if (t.postedAmount() != 0)
                        violations.add(t.id() + ": " + t.state() + " with " + t.postedAmount() + " posted");
                    yield 0;
                }
            };
            if (posted == 0 ? !es.isEmpty() : es.size() != 2)
                violations.add(t.id() + ": " + es.size() + " entries for " + t.state() + " posting " + posted);
            long sum = 0;
            for (Entry e : es) {
                sum += e.amount();
                if (e.account().equals(t.credit())
                        ? e.amount() != posted
                        : !e.account().equals(t.debit()) || e.amount() != -posted)
                    violations.add(t.id() + ": entry " + e + " is not a movement of " + posted + " from " + t.debit()
                            + " to " + t.credit());
            }
            if (sum != 0) violations.add(t.id() + ": entries sum to " + sum);
        }
        for (TransferId id : entriesByTransfer.keySet())
            if (transfers.stream().noneMatch(t -> t.id().equals(id)))
                violations.add("entries for unknown transfer " + id);
        return violations;
    }
}
