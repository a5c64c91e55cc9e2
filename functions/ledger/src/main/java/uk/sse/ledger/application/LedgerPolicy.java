package uk.sse.ledger.application;

import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferKind;

/**
 * Who may do what with credits. A school (a PROVIDER whose organisation is its URN) or another provider sees and
 * spends only its own account; brokers, commissioners and admins see their area's; only a commissioner allocates or
 * adjusts. Engagement holds (ids beginning {@code brk:}) are the brokerage service's alone: no person places, posts,
 * voids or extends one, and the service touches nothing else. The model enforces the same on its side
 * ({@code Ledger}): whatever this policy let through, no one but a commissioner issues credits. Each grant is one
 * membership's (decision 0080): a person of several acts in any that grants it, never in parts of two.
 */
public final class LedgerPolicy {

    private LedgerPolicy() {}

    public static boolean owns(Caller caller, AccountId account) {
        return caller.membershipsAs(Role.PROVIDER).stream()
                .anyMatch(m -> m.isIn(Role.PROVIDER, account.area()) && m.belongsTo(account.owner()));
    }

    public static boolean maySee(Caller caller, AccountId account) {
        return owns(caller, account) || overseesArea(caller, account.area());
    }

    /**
     * An account's balances (not its statement): also the area's advisers, who on a school visit must know whether the
     * school can pay for the support it asks for.
     */
    public static boolean maySeeBalance(Caller caller, AccountId account) {
        return maySee(caller, account) || caller.holds(Role.ADVISER, account.area());
    }

    public static boolean maySee(Caller caller, Transfer transfer) {
        return holdsEngagements(caller, transfer.id())
                || maySee(caller, transfer.debit())
                || maySee(caller, transfer.credit());
    }

    /** Providers open their own account; commissioners and admins open any in their area, the issuing one too. */
    public static boolean mayOpen(Caller caller, AccountId account) {
        return (owns(caller, account) && !account.owner().equals(AccountId.ISSUING_OWNER))
                || caller.holds(Role.COMMISSIONER, account.area())
                || caller.holds(Role.ADMIN, account.area());
    }

    /**
     * Allocations and adjustments: the area's commissioner. Payments: the paying account's owner, or the brokerage
     * service placing an engagement hold.
     */
    public static boolean mayMove(Caller caller, TransferKind kind, TransferId id, AccountId debit) {
        if (id.schemeTransfer()) {
            return false; // a credit scheme's transfers are the ledger's own scheme job's, never asked through the API
        }
        if (id.brokerageHold() || caller.isService()) {
            return holdsEngagements(caller, id) && kind == TransferKind.PAYMENT;
        }
        String area = debit.area();
        return switch (kind) {
            case ALLOCATION, ADJUSTMENT -> caller.holds(Role.COMMISSIONER, area);
            case PAYMENT -> owns(caller, debit);
        };
    }

    /** Posting pays the payee: an engagement hold by the brokerage service, any other hold by the payer. */
    public static boolean mayPost(Caller caller, Transfer hold) {
        return hold.id().brokerageHold() ? holdsEngagements(caller, hold.id()) : owns(caller, hold.debit());
    }

    /** Voiding releases the payer's credits: an engagement hold by the brokerage service, any other by either party. */
    public static boolean mayVoid(Caller caller, Transfer hold) {
        return hold.id().brokerageHold()
                ? holdsEngagements(caller, hold.id())
                : owns(caller, hold.debit()) || owns(caller, hold.credit());
    }

    /** Extending keeps a hold while what it pays for goes on: as posting. */
    public static boolean mayExtend(Caller caller, Transfer hold) {
        return mayPost(caller, hold);
    }

    /** Whole-area views: balances of every account and the invariant check. */
    public static boolean overseesArea(Caller caller, String area) {
        return caller.holds(Role.BROKER, area)
                || caller.holds(Role.COMMISSIONER, area)
                || caller.holds(Role.ADMIN, area);
    }

    public static boolean mayCheck(Caller caller, String area) {
        return caller.holds(Role.COMMISSIONER, area) || caller.holds(Role.ADMIN, area);
    }

    /** The brokerage service, for an engagement hold's id. */
    public static boolean holdsEngagements(Caller caller, TransferId id) {
        return caller.isServiceWith(ServiceScope.LEDGER_HOLDS) && id.brokerageHold();
    }

    /** The pending engagement holds, for the brokerage's reconciliation. */
    public static boolean mayListEngagementHolds(Caller caller) {
        return caller.isServiceWith(ServiceScope.LEDGER_HOLDS);
    }
}
