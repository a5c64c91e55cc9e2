package uk.sse.ledger.application;

import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferKind;

/**
 * Who may do what with credits. A school (a PROVIDER whose organisation is its URN) or another provider sees and
 * spends only its own account; brokers, commissioners and admins see their area's; only a commissioner allocates.
 */
public final class LedgerPolicy {

    private LedgerPolicy() { }

    public static boolean owns(Caller caller, AccountId account) {
        return caller.is(Role.PROVIDER) && caller.actsIn(account.area()) && caller.belongsTo(account.owner());
    }

    public static boolean maySee(Caller caller, AccountId account) {
        return owns(caller, account) || overseesArea(caller, account.area());
    }

    /**
     * An account's balances (not its statement): also the area's advisers, who on a school visit must know whether the
     * school can pay for the support it asks for.
     */
    public static boolean maySeeBalance(Caller caller, AccountId account) {
        return maySee(caller, account) || caller.isIn(Role.ADVISER, account.area());
    }

    public static boolean maySee(Caller caller, Transfer transfer) {
        return maySee(caller, transfer.debit()) || maySee(caller, transfer.credit());
    }

    /** Providers open their own account; commissioners and admins open any in their area, the issuing one too. */
    public static boolean mayOpen(Caller caller, AccountId account) {
        return (owns(caller, account) && !account.owner().equals(AccountId.ISSUING_OWNER))
                || caller.isIn(Role.COMMISSIONER, account.area()) || caller.isIn(Role.ADMIN, account.area());
    }

    /**
     * Allocations: the area's commissioner. Adjustments: its commissioner or admin. Payments: the paying account's
     * owner, or the area's advisers, brokers and commissioners acting in brokerage for a school.
     */
    public static boolean mayMove(Caller caller, TransferKind kind, AccountId debit) {
        String area = debit.area();
        return switch (kind) {
            case ALLOCATION -> caller.isIn(Role.COMMISSIONER, area);
            case ADJUSTMENT -> caller.isIn(Role.COMMISSIONER, area) || caller.isIn(Role.ADMIN, area);
            case PAYMENT -> owns(caller, debit) || caller.isIn(Role.ADVISER, area) || caller.isIn(Role.BROKER, area)
                    || caller.isIn(Role.COMMISSIONER, area);
        };
    }

    /** Posting pays the provider: the payer itself, or the area's brokers, commissioners and admins. */
    public static boolean mayPost(Caller caller, Transfer hold) {
        String area = hold.debit().area();
        return owns(caller, hold.debit()) || caller.isIn(Role.BROKER, area)
                || caller.isIn(Role.COMMISSIONER, area) || caller.isIn(Role.ADMIN, area);
    }

    /**
     * Voiding releases the payer's credits before anything is paid: either party (a school withdrawing from an agreed
     * engagement, a provider giving the payment up), or the area's advisers, brokers, commissioners and admins.
     */
    public static boolean mayVoid(Caller caller, Transfer hold) {
        String area = hold.debit().area();
        return owns(caller, hold.debit()) || owns(caller, hold.credit()) || caller.isIn(Role.ADVISER, area) || caller.isIn(Role.BROKER, area)
                || caller.isIn(Role.COMMISSIONER, area) || caller.isIn(Role.ADMIN, area);
    }

    /** Whole-area views: balances of every account and the invariant check. */
    public static boolean overseesArea(Caller caller, String area) {
        return caller.isIn(Role.BROKER, area) || caller.isIn(Role.COMMISSIONER, area) || caller.isIn(Role.ADMIN, area);
    }

    public static boolean mayCheck(Caller caller, String area) {
        return caller.isIn(Role.COMMISSIONER, area) || caller.isIn(Role.ADMIN, area);
    }
}
