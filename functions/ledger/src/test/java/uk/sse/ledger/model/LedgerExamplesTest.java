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

    static final Requester COMMISSIONER = Requester.person("c-1", "COMMISSIONER", "888", null);
    static final Requester SCHOOL = Requester.person("s-1", "PROVIDER", "888", "URN:100001");
    static final Requester BROKERAGE =
            Requester.service("sse-brokerage", Requester.person("a-1", "ADVISER", "888", null));

    static TransferId id(String s) {
        return new TransferId(s);
    }

    CreateTransfer allocate(String id, AccountId to, long amount) {
        return new CreateTransfer(
                id(id), issuing, to, amount, TransferKind.ALLOCATION, "allocation 2026", false, 0, COMMISSIONER, T0);
    }

    CreateTransfer hold(String id, long amount, long timeoutSeconds) {
        return new CreateTransfer(
                id(id),
                school,
                provider,
                amount,
                TransferKind.PAYMENT,
                "engagement E-1",
                true,
                timeoutSeconds,
                SCHOOL,
                T0);
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

        Result posted = book.apply(new PostPending(id("h1"), OptionalLong.of(9), SCHOOL, T0.plusSeconds(60)));
        Applied applied = (Applied) posted;
        assertThat(applied.transfers()).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TransferState.POSTED);
            assertThat(t.postedAmount()).isEqualTo(9);
        });
        assertThat(applied.entries())
                .extracting(Entry::account, Entry::amount, Entry::balanceAfter)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(school, -9L, 21L),
                        org.assertj.core.groups.Tuple.tuple(provider, 9L, 9L));
        Account s = book.accounts.get(school), p = book.accounts.get(provider);
        assertThat(s.balance()).isEqualTo(21);
        assertThat(s.available()).isEqualTo(21); // the other 3 released
        assertThat(s.debitsPending()).isZero();
        assertThat(p.balance()).isEqualTo(9);
        assertThat(p.creditsPending()).isZero();
        assertThat(s.version()).isEqualTo(3);
        assertThat(book.violations()).isEmpty();

        // posting again with the same amount is a replay; anything else is refused naming the state
        assertThat(book.apply(new PostPending(id("h1"), OptionalLong.of(9), SCHOOL, T0.plusSeconds(90))))
                .isInstanceOf(AlreadyApplied.class);
        assertThat(book.apply(new VoidPending(id("h1"), SCHOOL, T0.plusSeconds(90))))
                .isEqualTo(new Refused(
                        Refusal.HOLD_ALREADY_RESOLVED,
                        "hold h1 is already posted (9 credits)",
                        Optional.of(TransferState.POSTED)));
    }

    @Test
    void replayingATransferAnswersTheOriginalAndReusingItsIdIsRefused() {
        Applied first = (Applied) book.apply(allocate("a1", school, 30));
        LedgerBook.State before = book.state();
        CreateTransfer later = new CreateTransfer(
                id("a1"),
                issuing,
                school,
                30,
                TransferKind.ALLOCATION,
                "allocation 2026",
                false,
                0,
                COMMISSIONER,
                T0.plusSeconds(5));
        assertThat(book.apply(later))
                .isEqualTo(new AlreadyApplied(first.transfers().get(0)));
        assertThat(book.apply(allocate("a1", school, 31)))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.reason()).isEqualTo(Refusal.ID_REUSED_WITH_DIFFERENT_BODY));
        assertThat(book.state()).isEqualTo(before);
    }

    @Test
    void badTransfersAreRefusedAndChangeNothing() {
        book.apply(allocate("a1", school, 10));
        LedgerBook.State before = book.state();
        assertThat(reason(new CreateTransfer(
                        id("p1"), school, provider, 11, TransferKind.PAYMENT, "", false, 0, SCHOOL, T0)))
                .isEqualTo(Refusal.INSUFFICIENT_FUNDS);
        assertThat(reason(new CreateTransfer(
                        id("p1"), school, school, 1, TransferKind.PAYMENT, "", false, 0, SCHOOL, T0)))
                .isEqualTo(Refusal.SAME_ACCOUNT);
        assertThat(reason(new CreateTransfer(
                        id("p1"), school, provider, 0, TransferKind.PAYMENT, "", false, 0, SCHOOL, T0)))
                .isEqualTo(Refusal.AMOUNT_NOT_POSITIVE);
        assertThat(reason(new CreateTransfer(
                        id("p1"), school, elsewhere, 1, TransferKind.PAYMENT, "", false, 0, SCHOOL, T0)))
                .isEqualTo(Refusal.DIFFERENT_AREAS);
        assertThat(reason(new CreateTransfer(
                        id("p1"),
                        school,
                        AccountId.of("888", "nobody"),
                        1,
                        TransferKind.PAYMENT,
                        "",
                        false,
                        0,
                        SCHOOL,
                        T0)))
                .isEqualTo(Refusal.UNKNOWN_CREDIT_ACCOUNT);
        assertThat(reason(new CreateTransfer(
                        id("p1"), school, provider, 1, TransferKind.ALLOCATION, "", false, 0, SCHOOL, T0)))
                .isEqualTo(Refusal.ALLOCATION_NOT_FROM_ISSUING);
        assertThat(reason(new CreateTransfer(
                        id("p1"), school, provider, 1, TransferKind.PAYMENT, "", false, 60, SCHOOL, T0)))
                .isEqualTo(Refusal.TIMEOUT_INVALID);
        assertThat(reason(new PostPending(id("nope"), OptionalLong.empty(), SCHOOL, T0)))
                .isEqualTo(Refusal.UNKNOWN_TRANSFER);
        assertThat(reason(new PostPending(id("a1"), OptionalLong.empty(), SCHOOL, T0)))
                .isEqualTo(Refusal.NOT_A_HOLD);
        assertThat(book.state()).isEqualTo(before);
    }

    @Test
    void aHoldCannotBePostedBeyondItsAmountOrAfterItsTimeout() {
        book.apply(allocate("a1", school, 30));
        book.apply(hold("h1", 12, 60));
        assertThat(reason(new PostPending(id("h1"), OptionalLong.of(13), SCHOOL, T0)))
                .isEqualTo(Refusal.POST_EXCEEDS_HOLD);
        assertThat(reason(new PostPending(id("h1"), OptionalLong.of(0), SCHOOL, T0)))
                .isEqualTo(Refusal.AMOUNT_NOT_POSITIVE);
        assertThat(reason(new PostPending(id("h1"), OptionalLong.empty(), SCHOOL, T0.plusSeconds(60))))
                .isEqualTo(Refusal.HOLD_EXPIRED);
    }

    @Test
    void theSweeperVoidsExpiredHoldsOnceAndVoidingAgainIsAReplay() {
        book.apply(allocate("a1", school, 30));
        book.apply(hold("h1", 12, 60));
        book.apply(hold("h2", 5, 0)); // never expires
        assertThat((Applied) book.apply(new ExpireHolds(T0.plusSeconds(59)))).matches(Applied::empty);
        Applied swept = (Applied) book.apply(new ExpireHolds(T0.plusSeconds(60)));
        assertThat(swept.transfers())
                .extracting(Transfer::id, Transfer::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id("h1"), TransferState.VOIDED));
        assertThat(book.accounts.get(school).available()).isEqualTo(25);
        assertThat((Applied) book.apply(new ExpireHolds(T0.plusSeconds(600)))).matches(Applied::empty);
        assertThat(book.apply(new VoidPending(id("h1"), SCHOOL, T0.plusSeconds(700))))
                .isInstanceOf(AlreadyApplied.class);
        assertThat(book.apply(new PostPending(id("h1"), OptionalLong.empty(), SCHOOL, T0.plusSeconds(700))))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.holdState()).contains(TransferState.VOIDED));
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

    @Test
    void noOneButACommissionerOfTheAreaIssuesCreditsAndNeverByAHold() {
        book.apply(allocate("a1", school, 10));
        LedgerBook.State before = book.state();
        Requester adviser = Requester.person("a-1", "ADVISER", "888", null);
        Requester admin = Requester.person("ad-1", "ADMIN", "888", null);
        Requester commissionerElsewhere = Requester.person("c-9", "COMMISSIONER", "999", null);
        // a payment, or a hold, from the issuing account: minting, whoever asks
        for (Requester who : java.util.List.of(adviser, admin, SCHOOL, COMMISSIONER, commissionerElsewhere)) {
            assertThat(reason(new CreateTransfer(
                            id("m1"), issuing, provider, 5, TransferKind.PAYMENT, "x", false, 0, who, T0)))
                    .as("payment by %s", who)
                    .isEqualTo(Refusal.ISSUING_ACCOUNT_RESTRICTED);
            assertThat(reason(new CreateTransfer(
                            id("m2"), issuing, provider, 5, TransferKind.PAYMENT, "x", true, 60, who, T0)))
                    .as("hold by %s", who)
                    .isEqualTo(Refusal.ISSUING_ACCOUNT_RESTRICTED);
        }
        // an allocation or adjustment from issuing by anyone but the area's commissioner
        for (Requester who : java.util.List.of(adviser, admin, SCHOOL, commissionerElsewhere, BROKERAGE)) {
            assertThat(reason(new CreateTransfer(
                            id("m3"), issuing, provider, 5, TransferKind.ADJUSTMENT, "why", false, 0, who, T0)))
                    .as("adjustment by %s", who)
                    .isIn(Refusal.ISSUING_ACCOUNT_RESTRICTED, Refusal.RESERVED_ID);
            assertThat(reason(new CreateTransfer(
                            id("m4"), issuing, provider, 5, TransferKind.ALLOCATION, "why", false, 0, who, T0)))
                    .as("allocation by %s", who)
                    .isIn(Refusal.ISSUING_ACCOUNT_RESTRICTED, Refusal.RESERVED_ID);
        }
        assertThat(reason(new CreateTransfer(
                        id("m5"), issuing, provider, 5, TransferKind.ALLOCATION, "x", true, 60, COMMISSIONER, T0)))
                .isEqualTo(Refusal.ISSUING_ACCOUNT_RESTRICTED);
        // an adjustment says why
        assertThat(reason(new CreateTransfer(
                        id("m6"), issuing, provider, 5, TransferKind.ADJUSTMENT, " ", false, 0, COMMISSIONER, T0)))
                .isEqualTo(Refusal.REFERENCE_REQUIRED);
        assertThat(book.state()).isEqualTo(before);
        // the commissioner's own adjustment issues, and is recorded as theirs
        Applied adjusted = (Applied) book.apply(new CreateTransfer(
                id("m7"),
                issuing,
                provider,
                5,
                TransferKind.ADJUSTMENT,
                "correction of allocation a1",
                false,
                0,
                COMMISSIONER,
                T0));
        assertThat(adjusted.transfers().getFirst().requestedBy()).isEqualTo(COMMISSIONER);
        assertThat(book.violations()).isEmpty();
    }

    @Test
    void theInvariantCatchesCreditsIssuedAnyOtherWay() {
        book.apply(allocate("a1", school, 10));
        // a store that let a payment from issuing through (as the ledger once did) would show it
        Account i = book.accounts.get(issuing), p = book.accounts.get(provider);
        Transfer minted = new Transfer(
                id("x1"),
                issuing,
                provider,
                7,
                TransferKind.PAYMENT,
                "",
                false,
                0,
                T0,
                null,
                TransferState.SINGLE_PHASE,
                7,
                T0,
                Requester.person("a-1", "ADVISER", "888", null),
                null,
                0);
        book.transfers.put(minted.id(), minted);
        book.accounts.put(
                issuing, new Account(issuing, "888", "ISSUING", true, i.debitsPosted() + 7, 0, 0, 0, i.version() + 1));
        book.accounts.put(provider, new Account(provider, "888", "P-42", false, 0, 7, 0, 0, p.version() + 1));
        book.entries.add(new Entry(issuing, minted.id(), -7, -17, T0));
        book.entries.add(new Entry(provider, minted.id(), 7, 7, T0));
        assertThat(book.violations())
                .anySatisfy(v -> assertThat(v).contains("x1").contains("not an allocation"))
                .anySatisfy(
                        v -> assertThat(v).contains("888/ISSUING: issued 17").contains("sum to 10"));
    }

    @Test
    void engagementHoldsAreTheBrokerageServicesAlone() {
        book.apply(allocate("a1", school, 30));
        LedgerBook.State before = book.state();
        // no person takes an engagement's id first, and the service makes nothing but engagement holds
        assertThat(reason(new CreateTransfer(
                        id("brk:req_1.P1.v3"), school, provider, 5, TransferKind.PAYMENT, "", true, 600, SCHOOL, T0)))
                .isEqualTo(Refusal.RESERVED_ID);
        assertThat(reason(new CreateTransfer(
                        id("h9"), school, provider, 5, TransferKind.PAYMENT, "", true, 600, BROKERAGE, T0)))
                .isEqualTo(Refusal.RESERVED_ID);
        assertThat(reason(new CreateTransfer(
                        id("brk:req_1.P1.v3"), school, provider, 5, TransferKind.PAYMENT, "", false, 0, BROKERAGE, T0)))
                .isEqualTo(Refusal.RESERVED_ID);
        assertThat(reason(new CreateTransfer(
                        id("brk:req_1.P1.v3"), school, provider, 5, TransferKind.PAYMENT, "", true, 0, BROKERAGE, T0)))
                .isEqualTo(Refusal.RESERVED_ID);
        assertThat(book.state()).isEqualTo(before);
        Applied held = (Applied) book.apply(new CreateTransfer(
                id("brk:req_1.P1.v3"),
                school,
                provider,
                5,
                TransferKind.PAYMENT,
                "engagement",
                true,
                600,
                BROKERAGE,
                T0));
        assertThat(held.transfers().getFirst().requestedBy().onBehalfOf().subject())
                .isEqualTo("a-1");
        LedgerBook.State placed = book.state();
        // the school may not void its engagement's hold mid-delivery, nor post it
        assertThat(reason(new VoidPending(id("brk:req_1.P1.v3"), SCHOOL, T0))).isEqualTo(Refusal.RESERVED_ID);
        assertThat(reason(new PostPending(id("brk:req_1.P1.v3"), OptionalLong.empty(), SCHOOL, T0)))
                .isEqualTo(Refusal.RESERVED_ID);
        assertThat(reason(new Command.ExtendHold(id("brk:req_1.P1.v3"), 6000, SCHOOL, T0)))
                .isEqualTo(Refusal.RESERVED_ID);
        assertThat(book.state()).isEqualTo(placed);
        Applied posted = (Applied)
                book.apply(new PostPending(id("brk:req_1.P1.v3"), OptionalLong.of(4), BROKERAGE, T0.plusSeconds(5)));
        assertThat(posted.transfers().getFirst().resolvedBy()).isEqualTo(BROKERAGE);
        assertThat(book.violations()).isEmpty();
    }

    @Test
    void aHoldIsExtendedOnlyLaterAndOnlyWhilePending() {
        book.apply(allocate("a1", school, 30));
        book.apply(hold("h1", 12, 60));
        Applied extended = (Applied) book.apply(new Command.ExtendHold(id("h1"), 3600, SCHOOL, T0.plusSeconds(30)));
        Transfer t = extended.transfers().getFirst();
        assertThat(t.timeout()).isEqualTo(T0.plusSeconds(3630));
        assertThat(t.timeoutSeconds()).as("the body asked for is unchanged").isEqualTo(60);
        assertThat(t.revision()).isEqualTo(1);
        assertThat(extended.accounts()).isEmpty();
        // an earlier timeout changes nothing; the sweep before the new timeout leaves it
        assertThat(book.apply(new Command.ExtendHold(id("h1"), 10, SCHOOL, T0.plusSeconds(40))))
                .isInstanceOf(AlreadyApplied.class);
        assertThat((Applied) book.apply(new ExpireHolds(T0.plusSeconds(61)))).matches(Applied::empty);
        assertThat(reason(new Command.ExtendHold(id("h1"), 3600, SCHOOL, T0.plusSeconds(3630))))
                .isEqualTo(Refusal.HOLD_EXPIRED);
        assertThat(reason(new Command.ExtendHold(id("a1"), 3600, SCHOOL, T0))).isEqualTo(Refusal.NOT_A_HOLD);
        book.apply(new VoidPending(id("h1"), SCHOOL, T0.plusSeconds(100)));
        assertThat(reason(new Command.ExtendHold(id("h1"), 3600, SCHOOL, T0.plusSeconds(101))))
                .isEqualTo(Refusal.HOLD_ALREADY_RESOLVED);
        assertThat(book.transfers.get(id("h1")).revision()).isEqualTo(2);
        assertThat(book.violations()).isEmpty();
    }

    private Refusal reason(Command c) {
        return ((Refused) book.apply(c)).reason();
    }
}
