package uk.sse.kernel.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.outcome.Outcome.Conflict;
import uk.sse.kernel.outcome.Outcome.Done;
import uk.sse.kernel.outcome.Outcome.Forbidden;
import uk.sse.kernel.outcome.Outcome.Invalid;
import uk.sse.kernel.outcome.Outcome.NotFound;
import uk.sse.kernel.outcome.Outcome.Stale;
import uk.sse.kernel.outcome.Outcome.Violation;

class OutcomeTest {

    private static final List<Outcome<Integer>> FAILURES = List.of(
            Outcome.invalid(List.of(new Violation("/title", "required"), new Violation("/priceCredits", "too big"))),
            Outcome.notFound("offer off_1"),
            Outcome.forbidden("not your offer"),
            Outcome.conflict("an offer that is DRAFT cannot be given APPROVE", List.of("SUBMIT", "EDIT", "WITHDRAW")),
            new Stale<>(42));

    @Test
    void mapTransformsASuccess() {
        assertThat(Outcome.done(20).map(n -> "n=" + (n + 1))).isEqualTo(new Done<>("n=21"));
    }

    @Test
    void flatMapChainsASuccessIntoTheNextStep() {
        assertThat(Outcome.done(20).flatMap(n -> Outcome.done(n * 2))).isEqualTo(new Done<>(40));
        assertThat(Outcome.done(20).<String>flatMap(n -> Outcome.notFound("#" + n)))
                .isEqualTo(new NotFound<String>("#20"));
    }

    @Test
    void mapCarriesEveryFailureUnchangedAndNeverCallsTheMapper() {
        AtomicInteger calls = new AtomicInteger();
        for (Outcome<Integer> failure : FAILURES) {
            Outcome<String> mapped = failure.map(n -> {
                calls.incrementAndGet();
                return "n=" + n;
            });
            assertThat(mapped).isEqualTo(sameFailure(failure));
        }
        assertThat(calls).hasValue(0);
    }

    @Test
    void flatMapCarriesEveryFailureUnchangedAndNeverCallsTheNextStep() {
        AtomicInteger calls = new AtomicInteger();
        for (Outcome<Integer> failure : FAILURES) {
            Outcome<String> chained = failure.flatMap(n -> {
                calls.incrementAndGet();
                return Outcome.done("n=" + n);
            });
            assertThat(chained).isEqualTo(sameFailure(failure));
        }
        assertThat(calls).hasValue(0);
    }

    /** The failure an outcome of another type should carry: built by hand so a broken map is not its own oracle. */
    private static Outcome<String> sameFailure(Outcome<Integer> failure) {
        return switch (failure) {
            case Invalid<Integer> i -> new Invalid<>(i.violations());
            case NotFound<Integer> n -> new NotFound<>(n.what());
            case Forbidden<Integer> f -> new Forbidden<>(f.why());
            case Conflict<Integer> c -> new Conflict<>(c.why(), c.allowed());
            case Stale<Integer> s -> new Stale<>(s.currentVersion());
            case Done<Integer> d -> throw new AssertionError("not a failure: " + d);
        };
    }
}
