package uk.sse.ledger.model;

/**
 * One organisation's credits in one area (or the area's issuing account), in whole credits.
 * All four totals only grow except the pending ones, which fall when a hold resolves.
 * {@code version} counts the changes written, for optimistic locking.
 */
public record Account(
        AccountId id,
        String area,
        String owner,
        boolean issuing,
        long debitsPosted,
        long creditsPosted,
        long debitsPending,
        long creditsPending,
        long version) {

    public Account {
        if (id == null || area == null || owner == null)
            throw new IllegalArgumentException("account needs id, area and owner");
        if (!id.area().equals(area) || !id.owner().equals(owner))
            throw new IllegalArgumentException("account id " + id + " is not " + area + "/" + owner);
        if (debitsPosted < 0 || creditsPosted < 0 || debitsPending < 0 || creditsPending < 0 || version < 0)
            throw new IllegalArgumentException("account totals and version are never negative: " + id);
    }

    /** A new, empty account (version 0: not yet written). */
    public static Account open(String area, String owner) {
        return new Account(AccountId.of(area, owner), area, owner, false, 0, 0, 0, 0, 0);
    }

    public static Account openIssuing(String area) {
        return new Account(AccountId.issuing(area), area, AccountId.ISSUING_OWNER, true, 0, 0, 0, 0, 0);
    }

    /** credits posted - debits posted. */
    public long balance() {
        return creditsPosted - debitsPosted;
    }

    /** credits posted - debits posted - debits pending; throws ArithmeticException only beyond a long. */
    public long available() {
        return Math.subtractExact(creditsPosted - debitsPosted, debitsPending);
    }

    Account with(long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {
        return new Account(
                id, area, owner, issuing, debitsPosted, creditsPosted, debitsPending, creditsPending, version);
    }

    Account bumped() {
        return new Account(
                id,
                area,
                owner,
                issuing,
                debitsPosted,
                creditsPosted,
                debitsPending,
                creditsPending,
                Math.addExact(version, 1));
    }
}
