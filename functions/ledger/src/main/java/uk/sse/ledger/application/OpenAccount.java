package uk.sse.ledger.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.model.Account;
import uk.sse.ledger.model.AccountId;

/** Opens an organisation's account in an area, or the area's issuing account. Opening one that exists answers it. */
@Singleton
public class OpenAccount {

    private final LedgerStore store;
    private final Clock clock;

    public OpenAccount(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record Opened(Account account, boolean created) {}

    public Outcome<Opened> open(Caller caller, AccountId id) {
        if (!LedgerPolicy.mayOpen(caller, id)) {
            return Outcome.forbidden("a " + caller.role() + " of area " + caller.area() + " may not open " + id);
        }
        Account fresh = id.owner().equals(AccountId.ISSUING_OWNER)
                ? Account.openIssuing(id.area())
                : Account.open(id.area(), id.owner());
        if (store.open(fresh, clock.instant())) {
            return Outcome.done(new Opened(fresh, true));
        }
        return store.account(id)
                .map(existing -> Outcome.done(new Opened(existing, false)))
                .orElseGet(() -> Outcome.notFound("account " + id));
    }
}
