package uk.sse.contracts.brokerage;

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
import uk.sse.contracts.brokerage.BrokerageEvent.Engagement;
import uk.sse.contracts.brokerage.BrokerageEvent.Proposal;
import uk.sse.contracts.brokerage.BrokerageEvent.Request;

/**
 * Whatever a producer puts in a brokerage event, a consumer reads the same record back: as built, with JSON's
 * decimals for its numbers (nested ones too), and as stored before the records, without a version.
 */
class BrokerageEventPropertiesTest {

    @Property(tries = 500)
    void everyEventReadsBackAsBuilt(@ForAll("events") BrokerageEvent e) {
        assertThat(BrokerageEvent.read(e.type(), e.occurredAt(), e.area(), e.data()))
                .contains(e);
        assertThat(BrokerageEvent.requestOf(e.type(), e.data())).isEqualTo(e.request());
    }

    @Property(tries = 500)
    void numbersAsDecimalsAndNoVersionReadTheSame(@ForAll("events") BrokerageEvent e) {
        @SuppressWarnings("unchecked")
        Map<String, Object> decimals = (Map<String, Object>) decimals(e.data());
        assertThat(BrokerageEvent.read(e.type(), e.occurredAt(), e.area(), decimals))
                .contains(e);
        decimals.remove(Contract.VERSION);
        assertThat(BrokerageEvent.read(e.type(), e.occurredAt(), e.area(), decimals))
                .contains(e);
    }

    /** Every number a double, as a JSON reader may give it, at any depth. */
    private static Object decimals(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new HashMap<>();
            map.forEach((k, v) -> out.put((String) k, decimals(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(BrokerageEventPropertiesTest::decimals).toList();
        }
        return value instanceof Number n ? n.doubleValue() : value;
    }

    @Provide
    Arbitrary<BrokerageEvent> events() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> optional = text.injectNull(0.3);
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 365);
        Arbitrary<Long> credits = Arbitraries.longs().between(0, 1L << 52); // within a double's whole numbers
        Arbitrary<Instant> at =
                Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
        Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 40_000).map(d -> LocalDate.EPOCH.plusDays(d));
        Arbitrary<List<String>> texts = text.list().ofMaxSize(4);
        Arbitrary<Request> request = Combinators.combine(
                        Combinators.combine(text, Arbitraries.longs().between(1, 1L << 40), text, optional, texts, text)
                                .as(Head::new),
                        optional,
                        optional,
                        text,
                        text,
                        text)
                .as((h, action, from, to, by, byKind) -> new Request(
                        h.id, h.version, h.urn, h.school, h.areas, h.urgency, action, from, to, by, byKind));
        Arbitrary<Proposal> proposal =
                Combinators.combine(text, text, text, count, credits, text).as(Proposal::new);
        Arbitrary<Engagement> engagement = Combinators.combine(
                        Combinators.combine(text, text, text, text, text, count).as(List::of),
                        credits,
                        text,
                        count,
                        credits)
                .as((p, c, hold, delivered, posted) -> new Engagement(
                        (String) p.get(0),
                        (String) p.get(1),
                        (String) p.get(2),
                        (String) p.get(3),
                        (String) p.get(4),
                        (Integer) p.get(5),
                        c,
                        hold,
                        delivered,
                        posted));
        Arbitrary<Engagement> maybe = engagement.injectNull(0.4);
        Arbitrary<Integer> score = Arbitraries.integers().between(1, 5);
        return Arbitraries.oneOf(
                Combinators.combine(at, text, request, text, count, texts, day, credits)
                        .as((a, area, r, need, days, modes, by, c) -> new BrokerageEvent.RequestCreated(
                                a, area, r, need, days, modes, by, c, List.of("O-1"))),
                Combinators.combine(at, text, request, proposal.list().ofMaxSize(3))
                        .as(BrokerageEvent.RequestProposed::new),
                Combinators.combine(at, text, request, proposal).as(BrokerageEvent.ProposalAccepted::new),
                Combinators.combine(at, text, request, proposal, text).as(BrokerageEvent.ProposalDeclined::new),
                Combinators.combine(at, text, request, engagement).as(BrokerageEvent.EngagementAgreed::new),
                Combinators.combine(at, text, request, engagement).as(BrokerageEvent.EngagementStarted::new),
                Combinators.combine(at, text, request, engagement).as(BrokerageEvent.EngagementCompleted::new),
                Combinators.combine(
                                at,
                                text,
                                request,
                                text,
                                text,
                                score,
                                score.injectNull(0.5),
                                Arbitraries.of("SCHOOL", "IMPACT"))
                        .as((a, area, r, id, offer, s, both, rating) -> new BrokerageEvent.EngagementEvaluated(
                                a, area, r, id, offer, "prv_1", rating, s, both, both == null ? null : s)),
                Combinators.combine(at, text, request, text, maybe).as(BrokerageEvent.RequestCancelled::new),
                Combinators.combine(at, text, request, text, maybe).as(BrokerageEvent.RequestWithdrawn::new),
                Combinators.combine(at, text, request, text, text, text, credits, text)
                        .as(BrokerageEvent.HoldRefused::new),
                Combinators.combine(at, text, request, text, text).as(BrokerageEvent.HoldReleased::new),
                Combinators.combine(
                                at,
                                text,
                                request,
                                text,
                                optional,
                                maybe,
                                Arbitraries.of("post-redriven", "void-redriven", "hold-voided", "needs-attention"))
                        .as((a, area, r, hold, detail, e, repair) ->
                                BrokerageEvent.repairOf(repair, a, area, r, hold, detail, e)));
    }

    /** The first part of a request. */
    record Head(String id, long version, String urn, String school, List<String> areas, String urgency) {}
}
