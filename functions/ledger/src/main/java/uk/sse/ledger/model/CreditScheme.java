package uk.sse.ledger.model;

import java.time.Instant;
import java.util.Optional;
import uk.sse.kernel.time.SchoolPeriod;

/**
 * An area's credit scheme (decision 0083): each member school is given {@code creditsPerTerm} each term (none when 0),
 * and, when {@code unspentExpires}, what is left of a school year's entitlement is taken back after the year ends. A
 * commissioner of the area sets it ({@code setBy}); the ledger's scheme job makes its transfers acting for them.
 * {@code version} counts the changes written, for optimistic locking (0: never written).
 */
public record CreditScheme(
        String area, long creditsPerTerm, boolean unspentExpires, Requester setBy, Instant setAt, long version) {

    /** The most a scheme gives a school in a term: three sessions a term is about 20 credits, so this is generous. */
    public static final long MAX_CREDITS_PER_TERM = 1000;

    public CreditScheme {
        if (area == null || setBy == null || setAt == null)
            throw new IllegalArgumentException("a credit scheme needs an area, who set it and when");
        if (creditsPerTerm < 0 || creditsPerTerm > MAX_CREDITS_PER_TERM)
            throw new IllegalArgumentException("credits per term must be 0.." + MAX_CREDITS_PER_TERM);
        if (!setBy.isCommissionerOf(area))
            throw new IllegalArgumentException("only a commissioner of " + area + " sets its credit scheme");
        if (version < 0) throw new IllegalArgumentException("version is never negative");
    }

    /** This scheme as changed by {@code by} at {@code at}: the next version. */
    public CreditScheme changed(long creditsPerTerm, boolean unspentExpires, Requester by, Instant at) {
        return new CreditScheme(area, creditsPerTerm, unspentExpires, by, at, Math.addExact(version, 1));
    }

    /** A first scheme, not yet written (version 1 once it is). */
    public static CreditScheme first(
            String area, long creditsPerTerm, boolean unspentExpires, Requester by, Instant at) {
        return new CreditScheme(area, creditsPerTerm, unspentExpires, by, at, 1);
    }

    public boolean gives() {
        return creditsPerTerm > 0;
    }

    /** The entitlement of {@code owner} for {@code term}, if the scheme gives any. */
    public Optional<Command.CreateTransfer> entitlement(String owner, SchoolPeriod term, Instant at) {
        if (!gives() || term.isYear()) {
            return Optional.empty();
        }
        return Optional.of(new Command.CreateTransfer(
                TransferId.entitlement(area, term.key(), owner),
                AccountId.issuing(area),
                AccountId.of(area, owner),
                creditsPerTerm,
                TransferKind.ALLOCATION,
                "Entitlement for the " + term.label().toLowerCase(java.util.Locale.ROOT),
                false,
                0,
                Requester.schemes(setBy),
                at));
    }

    /**
     * The expiry of {@code owner}'s unspent entitlement of {@code year}, if the scheme expires it and any is left
     * ({@link #unspent}).
     */
    public Optional<Command.CreateTransfer> expiry(String owner, SchoolPeriod year, long unspent, Instant at) {
        if (!unspentExpires || unspent <= 0 || !year.isYear()) {
            return Optional.empty();
        }
        return Optional.of(new Command.CreateTransfer(
                TransferId.expiry(area, year.key(), owner),
                AccountId.of(area, owner),
                AccountId.issuing(area),
                unspent,
                TransferKind.ADJUSTMENT,
                "Unspent entitlement of the " + year.label().toLowerCase(java.util.Locale.ROOT) + " expired",
                false,
                0,
                Requester.schemes(setBy),
                at));
    }

    /**
     * What is left of a year's entitlement: a school spends its entitlement before the credits it earned, so whatever
     * left the account in the year (and what it holds for support agreed) is taken from the entitlement first, and
     * what expires is never more than the account has available. Earned credits are never taken.
     *
     * @param entitled  the year's entitlements given to the school
     * @param spent     credits that left the account since the year began (its scheme's expiries apart), and its
     *                  pending holds
     * @param available the account's available credits now
     */
    public static long unspent(long entitled, long spent, long available) {
        return Math.max(0, Math.min(entitled - spent, available));
    }
}
