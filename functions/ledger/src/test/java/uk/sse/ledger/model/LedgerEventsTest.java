package uk.sse.ledger.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.sse.contracts.ledger.LedgerEvent.TransferVoided;

/** Which event each change of a transfer publishes (the stream test covers the rest through the handler). */
class LedgerEventsTest {

    static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    static final Requester SCHOOL = Requester.person("school-user", "PROVIDER", "888", "100001");

    private static Transfer hold(TransferState state, Requester resolvedBy, long revision) {
        return new Transfer(
                TransferId.parse("eng-1").orElseThrow(),
                AccountId.of("888", "100001"),
                AccountId.of("888", "prv_hub"),
                12,
                TransferKind.PAYMENT,
                "engagement",
                true,
                60,
                AT,
                AT.plusSeconds(60),
                state,
                0,
                state.resolved() ? AT.plusSeconds(61) : null,
                SCHOOL,
                resolvedBy,
                revision);
    }

    @Test
    void aHoldTheSweeperVoidsIsVoidedAsExpired() {
        var events = LedgerEvents.of(
                new Result.Applied(List.of(), List.of(hold(TransferState.VOIDED, Requester.SWEEPER, 1)), List.of()));
        assertThat(events).singleElement().isInstanceOfSatisfying(TransferVoided.class, v -> {
            assertThat(v.expired()).isTrue();
            assertThat(v.resolvedBy()).isEqualTo("ledger-sweeper");
            assertThat(v.occurredAt()).isEqualTo(AT.plusSeconds(61));
        });
    }

    @Test
    void aHoldAPartyVoidsIsNotExpired() {
        var events = LedgerEvents.of(
                new Result.Applied(List.of(), List.of(hold(TransferState.VOIDED, SCHOOL, 1)), List.of()));
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        TransferVoided.class, v -> assertThat(v.expired()).isFalse());
    }

    @Test
    void anExtendedHoldPublishesNothing() {
        assertThat(LedgerEvents.of(
                        new Result.Applied(List.of(), List.of(hold(TransferState.PENDING, null, 1)), List.of())))
                .isEmpty();
    }
}
