package uk.sse.contracts.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.sse.contracts.ledger.LedgerEvent.AccountOpened;
import uk.sse.contracts.ledger.LedgerEvent.TransferCreated;
import uk.sse.contracts.ledger.LedgerEvent.TransferPosted;
import uk.sse.contracts.ledger.LedgerEvent.TransferVoided;

/** Whatever a producer puts in a ledger event, a consumer reads the same record back, also from JSON's decimals. */
class LedgerEventPropertiesTest {

    @Property(tries = 500)
    void everyEventReadsBackAsBuilt(@ForAll("events") LedgerEvent e) {
        assertThat(LedgerEvent.read(e.type(), e.occurredAt(), e.area(), e.data()))
                .contains(e);
    }

    /** A JSON reader may give any number as a decimal: whole ones still read as the same whole numbers. */
    @Property(tries = 500)
    void numbersAsDecimalsReadTheSame(@ForAll("events") LedgerEvent e) {
        Map<String, Object> decimals = new HashMap<>();
        e.data()
                .forEach((name, value) ->
                        decimals.put(name, value instanceof Number n ? (Object) n.doubleValue() : value));
        assertThat(LedgerEvent.read(e.type(), e.occurredAt(), e.area(), decimals))
                .contains(e);
    }

    @Provide
    Arbitrary<LedgerEvent> events() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> optional = text.injectNull(0.2);
        Arbitrary<Long> amount = Arbitraries.longs().between(0, 1L << 52); // within a double's whole numbers
        Arbitrary<Instant> at =
                Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<LedgerEvent> opened =
                Combinators.combine(at, text, text, text, flag).as(AccountOpened::new);
        Arbitrary<LedgerEvent> created = Combinators.combine(
                        Combinators.combine(at, text, text, text, text, amount).as(Head::new),
                        text,
                        text,
                        flag,
                        text,
                        at.injectNull(0.5),
                        optional)
                .as((h, kind, reference, pending, state, timeout, by) -> new TransferCreated(
                        h.at,
                        h.area,
                        h.transfer,
                        h.debit,
                        h.credit,
                        h.amount,
                        kind,
                        reference,
                        pending,
                        state,
                        timeout,
                        by));
        Arbitrary<LedgerEvent> posted = Combinators.combine(
                        Combinators.combine(at, text, text, text, text, amount).as(Head::new), amount, text, optional)
                .as((h, p, kind, by) ->
                        new TransferPosted(h.at, h.area, h.transfer, h.debit, h.credit, h.amount, p, kind, by));
        Arbitrary<LedgerEvent> voided = Combinators.combine(
                        Combinators.combine(at, text, text, text, text, amount).as(Head::new), text, flag, optional)
                .as((h, kind, expired, by) ->
                        new TransferVoided(h.at, h.area, h.transfer, h.debit, h.credit, h.amount, kind, expired, by));
        return Arbitraries.oneOf(opened, created, posted, voided);
    }

    /** What every transfer event has. */
    record Head(Instant at, String area, String transfer, String debit, String credit, long amount) {}
}
