package uk.sse.ledger.application;

import jakarta.inject.Singleton;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;
import uk.sse.ledger.model.Account;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Entry;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;

/** Balances, statements and transfers, each to those who may see them; to anyone else they do not exist. */
@Singleton
public class ReadLedger {

    private final LedgerStore store;

    public ReadLedger(LedgerStore store) {
        this.store = store;
    }

    /** The account's balances: for those who may see the account, and the area's advisers. */
    public Outcome<Account> account(Caller caller, AccountId id) {
        return LedgerPolicy.maySeeBalance(caller, id) ? find(id) : Outcome.notFound("account " + id);
    }

    private Outcome<Account> find(AccountId id) {
        return store.account(id).map(Outcome::done).orElseGet(() -> Outcome.notFound("account " + id));
    }

    /** Entries newest first, each with the posted balance after it: for those who may see the account. */
    public Outcome<Page<Entry>> statement(Caller caller, AccountId id, PageRequest page) {
        return (LedgerPolicy.maySee(caller, id) ? find(id) : Outcome.<Account>notFound("account " + id))
                .flatMap(account -> store.statement(id, page)
                        .map(Outcome::done)
                        .orElseGet(() -> Outcome.invalid("cursor", "is not a cursor this statement gave")));
    }

    public Outcome<Transfer> transfer(Caller caller, TransferId id) {
        return store.transfer(id)
                .filter(t -> LedgerPolicy.maySee(caller, t))
                .map(Outcome::done)
                .orElseGet(() -> Outcome.notFound("transfer " + id));
    }

    /** The pending engagement holds, soonest timeout first: for the brokerage to reconcile with its engagements. */
    public Outcome<Page<Transfer>> engagementHolds(Caller caller, PageRequest page) {
        if (!LedgerPolicy.mayListEngagementHolds(caller)) {
            return Outcome.forbidden("only the brokerage service lists the engagement holds");
        }
        return store.pendingHolds(TransferId.BROKERAGE_PREFIX, page)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.invalid("cursor", "is not a cursor this listing gave"));
    }

    public Outcome<Page<Account>> accountsIn(Caller caller, String area, PageRequest page) {
        if (!LedgerPolicy.overseesArea(caller, area)) {
            return Outcome.forbidden("only the area's brokers, commissioners and admins list its accounts");
        }
        return store.accountsIn(area, page)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.invalid("cursor", "is not a cursor this listing gave"));
    }
}
