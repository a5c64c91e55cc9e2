package uk.sse.ledger.model;

import uk.sse.kernel.time.SchoolPeriod;

/**
 * The shapes a credit scheme's transfers must have, read from their ids (decision 0083): {@code entitle.<area>.<term>.<owner>}
 * is an allocation from the area's issuing account to {@code area/owner}, posted at once, for a term;
 * {@code expire.<area>.<year>.<owner>} an adjustment back from {@code area/owner} to the issuing account, for a school
 * year. Because the id names the school and the term, a school's entitlement for a term can exist once only.
 */
public final class SchemeTransfers {

    private SchemeTransfers() {}

    /** Whether a transfer with these parts is what its scheme id says it is. */
    public static boolean shapeMatches(
            TransferId id, AccountId debit, AccountId credit, TransferKind kind, boolean pending) {
        boolean entitlement = id.value().startsWith(TransferId.ENTITLEMENT_PREFIX);
        String[] parts = id.value()
                .substring((entitlement ? TransferId.ENTITLEMENT_PREFIX : TransferId.EXPIRY_PREFIX).length())
                .split("\\.", 3);
        if (!id.schemeTransfer() || pending || parts.length != 3) {
            return false;
        }
        String area = parts[0];
        SchoolPeriod period = SchoolPeriod.of(parts[1]).orElse(null);
        if (period == null || period.isYear() == entitlement || !AccountId.valid(area + "/" + parts[2])) {
            return false;
        }
        AccountId school = AccountId.of(area, parts[2]);
        AccountId issuing = AccountId.issuing(area);
        return entitlement
                ? kind == TransferKind.ALLOCATION && debit.equals(issuing) && credit.equals(school)
                : kind == TransferKind.ADJUSTMENT && debit.equals(school) && credit.equals(issuing);
    }

    public static boolean shapeMatches(Transfer t) {
        return shapeMatches(t.id(), t.debit(), t.credit(), t.kind(), t.pending());
    }
}
