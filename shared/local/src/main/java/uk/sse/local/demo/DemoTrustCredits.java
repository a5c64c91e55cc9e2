package uk.sse.local.demo;

import java.util.List;
import java.util.Optional;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.application.GiveEntitlements;
import uk.sse.ledger.application.OpenAccount;
import uk.sse.ledger.application.SetCreditScheme;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.CreditScheme;

/**
 * The demo trust's own credits (decision 0084): an account with the trust for each of its academies, beside the one each
 * has with its LA, and the trust's credit scheme ({@value #PER_TERM} credits a term, unspent entitlement expiring),
 * given once at start so that the trust's adviser sees an academy's credits with the trust straight away.
 */
public final class DemoTrustCredits {

    public static final long PER_TERM = 12;

    private DemoTrustCredits() {}

    public static void seed(
            List<String> academies, OpenAccount open, SetCreditScheme schemes, GiveEntitlements entitlements) {
        Caller commissioner = new Caller("demo-trust-commissioner", Role.COMMISSIONER, DemoAreas.TRUST, null);
        done(open.open(commissioner, AccountId.issuing(DemoAreas.TRUST)));
        academies.forEach(urn -> done(open.open(commissioner, AccountId.of(DemoAreas.TRUST, urn))));
        Outcome<Optional<CreditScheme>> current = schemes.read(commissioner, DemoAreas.TRUST);
        if (current instanceof Outcome.Done<Optional<CreditScheme>> d
                && d.value().isEmpty()) {
            done(schemes.set(commissioner, DemoAreas.TRUST, PER_TERM, true, null));
        }
        entitlements.run();
    }

    private static void done(Outcome<?> outcome) {
        if (!(outcome instanceof Outcome.Done<?>)) {
            throw new IllegalStateException("the demo trust's credits were refused: " + outcome);
        }
    }
}
