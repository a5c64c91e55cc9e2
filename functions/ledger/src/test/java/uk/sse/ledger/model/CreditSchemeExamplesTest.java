package uk.sse.ledger.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.time.SchoolPeriod;
import uk.sse.ledger.model.Command.CreateTransfer;
import uk.sse.ledger.model.Result.AlreadyApplied;
import uk.sse.ledger.model.Result.Applied;
import uk.sse.ledger.model.Result.Refused;

/**
 * A credit scheme's transfers in the pure model (decision 0083): only the scheme job, acting for a commissioner of the
 * area, makes them, each the shape its id names, once; no one else may take their ids; and what expires is never more
 * than what is left of the entitlement.
 */
class CreditSchemeExamplesTest {

    static final Instant AT = Instant.parse("2026-09-07T06:00:00Z");
    static final Requester COMMISSIONER = Requester.person("c-1", Requester.COMMISSIONER, "888", "la-888");
    static final SchoolPeriod AUTUMN = SchoolPeriod.of("autumn-2026").orElseThrow();
    static final SchoolPeriod LAST_YEAR = SchoolPeriod.of("year-2025").orElseThrow();

    final LedgerBook book = new LedgerBook();
    final CreditScheme scheme = CreditScheme.first("888", 10, true, COMMISSIONER, AT);

    CreditSchemeExamplesTest() {
        book.open(Account.openIssuing("888"));
        book.open(Account.open("888", "100001"));
        book.open(Account.openIssuing("999"));
        book.open(Account.open("999", "100001"));
    }

    @Test
    void theSchemeJobGivesATermsEntitlementOnceAndTheSecondTimeIsAReplay() {
        CreateTransfer given = scheme.entitlement("100001", AUTUMN, AT).orElseThrow();
        assertThat(given.id().value()).isEqualTo("entitle.888.autumn-2026.100001");
        assertThat(given.reference()).isEqualTo("Entitlement for the autumn term 2026");
        assertThat(book.apply(given)).isInstanceOf(Applied.class);
        assertThat(book.apply(
                        scheme.entitlement("100001", AUTUMN, AT.plusSeconds(60)).orElseThrow()))
                .isInstanceOf(AlreadyApplied.class);
        assertThat(book.accounts.get(AccountId.of("888", "100001")).balance()).isEqualTo(10);
        assertThat(Invariants.check(book.accounts.values(), book.transfers.values(), book.entries))
                .isEmpty();
    }

    @Test
    void noOneElseTakesASchemesIdAndTheJobMakesNothingElse() {
        CreateTransfer asCommissioner = new CreateTransfer(
                TransferId.entitlement("888", "autumn-2026", "100001"),
                AccountId.issuing("888"),
                AccountId.of("888", "100001"),
                10,
                TransferKind.ALLOCATION,
                "",
                false,
                0,
                COMMISSIONER,
                AT);
        assertThat(book.apply(asCommissioner))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.reason()).isEqualTo(Refusal.RESERVED_ID));

        Requester job = Requester.schemes(COMMISSIONER);
        CreateTransfer notASchemeId = new CreateTransfer(
                new TransferId("alloc-1"),
                AccountId.issuing("888"),
                AccountId.of("888", "100001"),
                10,
                TransferKind.ALLOCATION,
                "",
                false,
                0,
                job,
                AT);
        CreateTransfer wrongSchool = new CreateTransfer(
                TransferId.entitlement("888", "autumn-2026", "100002"),
                AccountId.issuing("888"),
                AccountId.of("888", "100001"),
                10,
                TransferKind.ALLOCATION,
                "",
                false,
                0,
                job,
                AT);
        CreateTransfer aYearIsNoTerm = new CreateTransfer(
                TransferId.entitlement("888", "year-2026", "100001"),
                AccountId.issuing("888"),
                AccountId.of("888", "100001"),
                10,
                TransferKind.ALLOCATION,
                "",
                false,
                0,
                job,
                AT);
        for (CreateTransfer c : List.of(notASchemeId, wrongSchool, aYearIsNoTerm)) {
            assertThat(book.apply(c))
                    .as(c.id().value())
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.reason()).isEqualTo(Refusal.RESERVED_ID));
        }

        // the job acting for another area's commissioner issues nothing here
        CreditScheme elsewhere =
                CreditScheme.first("999", 10, false, Requester.person("c-9", Requester.COMMISSIONER, "999", null), AT);
        CreateTransfer acrossAreas = new CreateTransfer(
                TransferId.entitlement("888", "autumn-2026", "100001"),
                AccountId.issuing("888"),
                AccountId.of("888", "100001"),
                10,
                TransferKind.ALLOCATION,
                "",
                false,
                0,
                Requester.schemes(elsewhere.setBy()),
                AT);
        assertThat(book.apply(acrossAreas))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.reason()).isEqualTo(Refusal.ISSUING_ACCOUNT_RESTRICTED));
        assertThat(book.transfers).isEmpty();
    }

    @Test
    void whatExpiresIsWhatIsLeftOfTheEntitlementNeverMore() {
        assertThat(CreditScheme.unspent(30, 0, 55))
                .as("earned 25, spent nothing: the entitlement goes, the 25 stay")
                .isEqualTo(30);
        assertThat(CreditScheme.unspent(30, 25, 5)).as("spent 25 of it").isEqualTo(5);
        assertThat(CreditScheme.unspent(30, 40, 15))
                .as("spent more than it: none left")
                .isZero();
        assertThat(CreditScheme.unspent(30, 12, 10))
                .as("never more than available")
                .isEqualTo(10);
        assertThat(scheme.expiry("100001", LAST_YEAR, 0, AT)).isEmpty();
        assertThat(CreditScheme.first("888", 10, false, COMMISSIONER, AT).expiry("100001", LAST_YEAR, 5, AT))
                .as("a scheme that keeps")
                .isEmpty();
        assertThat(scheme.expiry("100001", LAST_YEAR, 5, AT).orElseThrow().id().value())
                .isEqualTo("expire.888.year-2025.100001");
    }
}
