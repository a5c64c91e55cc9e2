package uk.sse.ledger.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import uk.sse.ledger.model.Command.CreateTransfer;
import uk.sse.ledger.model.Command.ExpireHolds;
import uk.sse.ledger.model.Command.PostPending;
import uk.sse.ledger.model.Command.VoidPending;
import uk.sse.ledger.model.Result.AlreadyApplied;
import uk.sse.ledger.model.Result.Applied;
import uk.sse.ledger.model.Result.Refused;

class LedgerExamplesTest {
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    final LedgerBook book = new LedgerBook();
    final AccountId issuing = book.open(Account.openIssuing("888")).id();
    final AccountId school = book.open(Account.open("888", "URN:100001")).id();
    final AccountId provider = book.open(Account.open("888", "P-42")).id();
    final AccountId elsewhere = book.open(Account.open("999", "URN:200002")).id();

    static TransferId id(String s) { return new TransferId(s); }

    CreateTransfer allocate(String id, AccountId to, long amount) {
        return new CreateTransfer(id(id), issuing, to, amount, TransferKind.ALLOCATION, "allocation 2026", false, 0, T0);
    }

    CreateTransfer hold(String id, long amount, long timeoutSeconds) {
        return new CreateTransfer(id(id), school, provider, amount, TransferKind.PAYMENT, "engagement E-1", true, timeoutSeconds, T0);
    }

    @Test
    void allocateThirtyHoldTwelvePostNine() {
        assertThat(book.apply(allocate("a1", school, 30))).isInstanceOf(Applied.class);
        assertThat(book.accounts.get(school).balance()).isEqualTo(30);
        assertThat(book.accounts.get(issuing).balance()).isEqualTo(-30);

        Result held = book.apply(hold("h1", 12, 3600));
        assertThat(held).isInstanceOf(Applied.class);
        assertThat(((Applied) held).entries()).isEmpty();
        assertThat(book.accounts.get(school).available()).isEqualTo(18);
        assertThat(book.accounts.get(school).debitsPending()).isEqualTo(12);
        assertThat(book.accounts.get(provider).creditsPending()).isEqualTo(12);

        Result posted = book.apply(new PostPending(id("h1"), OptionalLong.of(9), T0.plusSeconds(60)));
        Applied applied = (Applied) posted;
        assertThat(applied.transfers()).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TransferState.POSTED);
            assertThat(t.postedAmount()).isEqualTo(9);
        });
        assertThat(applied.entries()).extracting(Entry::account, Entry::amount, Entry::balanceAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(school, -9L, 21L), org.assertj.core.groups.Tuple.tuple(provider, 9L, 9L));
        Account s = book.accounts.get(school), p = book.accounts.get(provider);
        assertThat(s.balance()).isEqualTo(21);
        assertThat(s.available()).isEqualTo(21); // the other 3 released
        assertThat(s.debitsPending()).isZero();
        assertThat(p.balance()).isEqualTo(9);
        assertThat(p.creditsPending()).isZero();
        assertThat(s.version()).isEqualTo(3);
        assertThat(book.violations()).isEmpty();

        // posting again with the same amount is a replay; anything else is refused naming the state
        assertThat(book.apply(new PostPending(id("h1"), OptionalLong.of(9), T0.plusSeconds(90)))).isInstanceOf(AlreadyApplied.class);
        assertThat(book.apply(new VoidPending(id("h1"), T0.plusSeconds(90))))
                .isEqualTo(new Refused(Refusal.HOLD_ALREADY_RESOLVED, "hold h1 is already posted (9 credits)", Optional.of(TransferState.POSTED)));
    }

    @Test
    void replayingATransferAnswersTheOriginalAndReusingItsIdIsRefused() {
        Applied first = (Applied) book.apply(allocate("a1", school, 30));
        LedgerBook.State before = book.state();
        CreateTransfer later = new CreateTransfer(id("a1"), issuing, school, 30, TransferKind.ALLOCATION, "allocation 2026", false, 0, T0.plusSeconds(5));
        assertThat(book.apply(later)).isEqualTo(new AlreadyApplied(first.transfers().get(0)));
        assertThat(book.apply(allocate("a1", school, 31))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Refusal.ID_REUSED_WITH_DIFFERENT_BODY));
        assertThat(book.state()).isEqualTo(before);
    }

    @Test
    void badTransfersAreRefusedAndChangeNothing() {
        book.apply(allocate("a1", school, 10));
        LedgerBook.State before = book.state();
        assertThat(reason(new CreateTransfer(id("p1"), school, provider, 11, TransferKind.PAYMENT, "", false, 0, T0))).isEqualTo(Refusal.INSUFFICIENT_FUNDS);
        assertThat(reason(new CreateTransfer(id("p1"), school, school, 1, TransferKind.PAYMENT, "", false, 0, T0))).isEqualTo(Refusal.SAME_ACCOUNT);
        assertThat(reason(new CreateTransfer(id("p1"), school, provider, 0, TransferKind.PAYMENT, "", false, 0, T0))).isEqualTo(Refusal.AMOUNT_NOT_POSITIVE);
        assertThat(reason(new CreateTransfer(id("p1"), school, elsewhere, 1, TransferKind.PAYMENT, "", false, 0, T0))).isEqualTo(Refusal.DIFFERENT_AREAS);
        assertThat(reason(new CreateTransfer(id("p1"), school, AccountId.of("888", "nobody"), 1, TransferKind.PAYMENT, "", false, 0, T0))).isEqualTo(Refusal.UNKNOWN_CREDIT_ACCOUNT);
        assertThat(reason(new CreateTransfer(id("p1"), school, provider, 1, TransferKind.ALLOCATION, "", false, 0, T0))).isEqualTo(Refusal.ALLOCATION_NOT_FROM_ISSUING);
        assertThat(reason(new CreateTransfer(id("p1"), school, provider, 1, TransferKind.PAYMENT, "", false, 60, T0))).isEqualTo(Refusal.TIMEOUT_INVALID);
        assertThat(reason(new PostPending(id("nope"), OptionalLong.empty(), T0))).isEqualTo(Refusal.UNKNOWN_TRANSFER);
        assertThat(reason(new PostPending(id("a1"), OptionalLong.empty(), T0))).isEqualTo(Refusal.NOT_A_HOLD);
        assertThat(book.state()).isEqualTo(before);
    }

    @Test
    void aHoldCannotBePostedBeyondItsAmountOrAfterItsTimeout() {
        book.apply(allocate("a1", school, 30));
        book.apply(hold("h1", 12, 60));
        assertThat(reason(new PostPending(id("h1"), OptionalLong.of(13), T0))).isEqualTo(Refusal.POST_EXCEEDS_HOLD);
        assertThat(reason(new PostPending(id("h1"), OptionalLong.of(0), T0))).isEqualTo(Refusal.AMOUNT_NOT_POSITIVE);
        assertThat(reason(new PostPending(id("h1"), OptionalLong.empty(), T0.plusSeconds(60)))).isEqualTo(Refusal.HOLD_EXPIRED);
    }

    @Test
    void theSweeperVoidsExpiredHoldsOnceAndVoidingAgainIsAReplay() {
        book.apply(allocate("a1", school, 30));
        book.apply(hold("h1", 12, 60));
        book.apply(hold("h2", 5, 0)); // never expires
        assertThat((Applied) book.apply(new ExpireHolds(T0.plusSeconds(59)))).matches(Applied::empty);
        Applied swept = (Applied) book.apply(new ExpireHolds(T0.plusSeconds(60)));
        assertThat(swept.transfers()).extracting(Transfer::id, Transfer::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id("h1"), TransferState.VOIDED));
        assertThat(book.accounts.get(school).available()).isEqualTo(25);
        assertThat((Applied) book.apply(new ExpireHolds(T0.plusSeconds(600)))).matches(Applied::empty);
        assertThat(book.apply(new VoidPending(id("h1"), T0.plusSeconds(700)))).isInstanceOf(AlreadyApplied.class);
        assertThat(book.apply(new PostPending(id("h1"), OptionalLong.empty(), T0.plusSeconds(700))))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.holdState()).contains(TransferState.VOIDED));
        assertThat(book.violations()).isEmpty();
    }

    @Test
    void overflowIsRefusedNotWrapped() {
        assertThat(book.apply(allocate("a1", school, Long.MAX_VALUE))).isInstanceOf(Applied.class);
        LedgerBook.State before = book.state();
        assertThat(reason(allocate("a2", provider, 1))).isEqualTo(Refusal.OVERFLOW);
        assertThat(book.state()).isEqualTo(before);
    }

    @Test
    void idsAreValidated() {
        assertThat(AccountId.parse("888/URN:100001")).map(AccountId::owner).contains("URN:100001");
        assertThat(AccountId.parse("888")).isEmpty();
        assertThat(AccountId.parse("888/a b")).isEmpty();
        assertThat(TransferId.parse("")).isEmpty();
        assertThat(TransferId.parse("x".repeat(65))).isEmpty();
        assertThat(TransferId.parse("eng-1.post")).isPresent();
    }

    private Refusal reason(Command c) {
        return ((Refused) book.apply(c)).reason();
    }
}
