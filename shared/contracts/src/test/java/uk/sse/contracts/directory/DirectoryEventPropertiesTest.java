package uk.sse.contracts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.sse.contracts.Contract;
import uk.sse.contracts.directory.DirectoryEvent.Assurance;
import uk.sse.contracts.directory.DirectoryEvent.OfferChanged;
import uk.sse.contracts.directory.DirectoryEvent.OfferStep;
import uk.sse.contracts.directory.DirectoryEvent.SchoolClosed;
import uk.sse.contracts.directory.DirectoryEvent.SchoolMoved;

/** Whatever the directory puts in an event, a consumer reads the same record back: from JSON's decimals, and unversioned. */
class DirectoryEventPropertiesTest {

    @Property(tries = 500)
    void everyEventReadsBackAsBuilt(@ForAll("events") DirectoryEvent e) {
        assertThat(DirectoryEvent.read(e.type(), e.occurredAt(), e.area(), e.data()))
                .contains(e);
    }

    @Property(tries = 500)
    void numbersAsDecimalsAndNoVersionReadTheSame(@ForAll("events") DirectoryEvent e) {
        Map<String, Object> old = new HashMap<>();
        e.data().forEach((name, value) -> old.put(name, value instanceof Number n ? (Object) n.doubleValue() : value));
        old.remove(Contract.VERSION);
        assertThat(DirectoryEvent.read(e.type(), e.occurredAt(), e.area(), old)).contains(e);
    }

    @Provide
    Arbitrary<DirectoryEvent> events() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> optional = text.injectNull(0.3);
        Arbitrary<List<String>> texts = text.list().ofMaxSize(4);
        Arbitrary<Long> whole = Arbitraries.longs().between(0, 1L << 52);
        Arbitrary<Instant> at =
                Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
        Arbitrary<LocalDate> date = Arbitraries.integers()
                .between(0, 60_000)
                .map(LocalDate.EPOCH::plusDays)
                .injectNull(0.4);
        Arbitrary<Assurance> assurance = Combinators.combine(text, text, text, text, optional)
                .as(Assurance::new)
                .injectNull(0.3);
        Arbitrary<DirectoryEvent> offers = Combinators.combine(
                        Combinators.combine(at, text, Arbitraries.of(OfferStep.class), text, whole, text, text, text)
                                .as(OfferHead::new),
                        text,
                        texts,
                        texts,
                        texts,
                        whole,
                        text,
                        Combinators.combine(date, assurance).as(OfferTail::new))
                .as((h, title, areas, phases, modes, price, status, t) -> new OfferChanged(
                        h.at,
                        h.area,
                        h.step,
                        h.offerId,
                        h.version,
                        h.providerId,
                        h.providerName,
                        h.providerType,
                        title,
                        areas,
                        phases,
                        modes,
                        price,
                        status,
                        t.review,
                        t.assurance));
        Arbitrary<DirectoryEvent> moved = Combinators.combine(
                        at, text, text, text, optional, optional, optional, optional)
                .as((a, area, urn, name, fromCode, fromName, toCode, toName) ->
                        new SchoolMoved(a, area, urn, name, fromCode, fromName, toCode, toName, "imp_" + urn));
        Arbitrary<DirectoryEvent> closed = Combinators.combine(at, text, text, text, optional, date, text, text)
                .as(SchoolClosed::new);
        Arbitrary<DirectoryEvent> refused = Combinators.combine(at, text, text, whole, text, text, text, text)
                .as(DirectoryEvent.DesignationRefused::new);
        Arbitrary<DirectoryEvent> verified = Combinators.combine(at, text, text, whole, text, texts, texts, text)
                .as(DirectoryEvent.DesignationsVerified::new);
        return Arbitraries.oneOf(offers, moved, closed, refused, verified);
    }

    record OfferHead(
            Instant at,
            String area,
            OfferStep step,
            String offerId,
            long version,
            String providerId,
            String providerName,
            String providerType) {}

    record OfferTail(LocalDate review, Assurance assurance) {}
}
