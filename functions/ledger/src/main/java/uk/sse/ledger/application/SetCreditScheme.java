package uk.sse.ledger.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.model.CreditScheme;
import uk.sse.ledger.model.Requester;

/**
 * An area's credit scheme: set by a commissioner of the area, who alone issues its credits (decision 0031); read by
 * those who oversee the area's credits. The scheme job gives what it says from its next run (decision 0083).
 */
@Singleton
public class SetCreditScheme {

    private final CreditSchemes schemes;
    private final Clock clock;

    public SetCreditScheme(CreditSchemes schemes, Clock clock) {
        this.schemes = schemes;
        this.clock = clock;
    }

    public static boolean maySet(Caller caller, String area) {
        return caller.holds(Role.COMMISSIONER, area);
    }

    public static boolean mayRead(Caller caller, String area) {
        return LedgerPolicy.overseesArea(caller, area);
    }

    /** The area's scheme; none set answers a scheme that gives nothing (version 0). */
    public Outcome<Optional<CreditScheme>> read(Caller caller, String area) {
        if (!mayRead(caller, area)) {
            return Outcome.forbidden("only the area's brokers, commissioners and admins see its credit scheme");
        }
        return Outcome.done(schemes.find(area));
    }

    /** Sets the scheme; {@code expectedVersion}, when given, must be the stored one (else 409: someone changed it first). */
    public Outcome<CreditScheme> set(
            Caller caller, String area, long creditsPerTerm, boolean unspentExpires, Long expectedVersion) {
        if (!maySet(caller, area)) {
            return Outcome.forbidden("only a commissioner of area " + area + " sets its credit scheme");
        }
        if (creditsPerTerm < 0 || creditsPerTerm > CreditScheme.MAX_CREDITS_PER_TERM) {
            return Outcome.invalid(
                    "creditsPerTerm", "must be a whole number from 0 to " + CreditScheme.MAX_CREDITS_PER_TERM);
        }
        Requester by = Requesters.of(caller, c -> maySet(c, area));
        Optional<CreditScheme> current = schemes.find(area);
        long stored = current.map(CreditScheme::version).orElse(0L);
        if (expectedVersion != null && expectedVersion != stored) {
            return new Outcome.Stale<>(stored);
        }
        CreditScheme next = current.map(s -> s.changed(creditsPerTerm, unspentExpires, by, clock.instant()))
                .orElseGet(() -> CreditScheme.first(area, creditsPerTerm, unspentExpires, by, clock.instant()));
        return schemes.put(next)
                ? Outcome.done(next)
                : Outcome.conflict(
                        "the credit scheme changed while it was being set: read it again", java.util.List.of());
    }
}
