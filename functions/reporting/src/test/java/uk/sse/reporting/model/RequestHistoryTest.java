package uk.sse.reporting.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Rating;
import uk.sse.brokerage.model.Result;
import uk.sse.brokerage.model.Urgency;
import uk.sse.kernel.events.EventEnvelope;

/** A request's rows are a function of the set of its events: the brokerage model's own events, in any order. */
class RequestHistoryTest {

    static final Instant T0 = Instant.parse("2026-09-07T09:00:00Z");
    static final Actor ADVISER = Actor.adviser("ann", "888");
    static final Actor BROKER = Actor.broker("bob", "888");
    static final Actor SCHOOL = Actor.school("sue", "100001");
    static final Actor PROVIDER = Actor.provider("pat", "P-A");

    static Instant t(int hours) {
        return T0.plusSeconds(3600L * hours);
    }

    /** Raised, proposed, accepted, agreed, started, completed with 3 of 4 days, rated by both. */
    static List<EventEnvelope> lifecycle() {
        List<EventEnvelope> events = new ArrayList<>();
        Result.Applied a = (Result.Applied) Brokerage.raise(new Command.Raise(
                ADVISER,
                T0,
                "R-1",
                "100001",
                "888",
                List.of("CT.READ", "INC.SEND", "CT.READ.UNKNOWN"),
                "phonics",
                Urgency.HIGH,
                4,
                List.of(DeliveryMode.IN_SCHOOL),
                LocalDate.of(2026, 12, 1),
                20,
                List.of(),
                "Moorside Primary"));
        events.add(a.event());
        BrokerageRequest r = a.request();
        List<Command.Change> steps = List.of(
                new Command.Propose(BROKER, t(1), 1, List.of(new Command.Offered("O-1", "P-A", 4, 12)), null),
                new Command.Accept(PROVIDER, t(2), 2, "P1"),
                new Command.Agree(SCHOOL, t(48), 3, "P1"),
                new Command.StartDelivery(BROKER, t(72), 4),
                new Command.Complete(BROKER, t(200), 5, 3, OptionalLong.empty(), null),
                new Command.Evaluate(SCHOOL, t(220), 6, Rating.SCHOOL, 4, null),
                new Command.Evaluate(ADVISER, t(240), 7, Rating.IMPACT, 5, null));
        for (Command.Change c : steps) {
            Result.Applied applied = (Result.Applied) Brokerage.apply(r, c);
            events.add(applied.event());
            r = applied.request();
        }
        return events;
    }

    @Test
    void aWholeLifecycle() {
        RequestRows rows = RequestHistory.project(lifecycle()).orElseThrow();
        assertThat(rows.request())
                .isEqualTo(new RequestRows.Request(
                        "R-1",
                        "888",
                        "100001",
                        "Moorside Primary",
                        "HIGH",
                        "EVALUATED",
                        8,
                        new BigDecimal("4"),
                        20L,
                        1,
                        T0,
                        t(1),
                        t(48),
                        t(200),
                        null,
                        null));
        assertThat(rows.areas())
                .containsExactly(
                        new RequestRows.Area("CT.READ", "CT"),
                        new RequestRows.Area("INC.SEND", "INC"),
                        new RequestRows.Area("CT.READ.UNKNOWN", "CT"));
        assertThat(rows.engagement())
                .isEqualTo(new RequestRows.Engagement(
                        "R-1.P1",
                        "P-A",
                        "O-1",
                        new BigDecimal("4"),
                        12,
                        "POSTED",
                        new BigDecimal("3"),
                        9,
                        t(48),
                        t(72),
                        t(200),
                        null,
                        null));
        assertThat(rows.ratings())
                .containsExactly(
                        new RequestRows.Rating("SCHOOL", 4, t(220), "R-1.P1", "P-A", "O-1"),
                        new RequestRows.Rating("IMPACT", 5, t(240), "R-1.P1", "P-A", "O-1"));
    }

    @Test
    void whatHasArrivedSoFarIsWhatTheRowsSay() {
        List<EventEnvelope> all = lifecycle();
        RequestRows completedOnly = RequestHistory.project(List.of(all.get(5))).orElseThrow();
        assertThat(completedOnly.request().status()).isEqualTo("COMPLETED");
        assertThat(completedOnly.request().raisedAt())
                .as("the raise has not arrived")
                .isNull();
        assertThat(completedOnly.request().completedAt()).isEqualTo(t(200));
        assertThat(completedOnly.engagement().agreedAt())
                .as("nor the agreement")
                .isNull();
        assertThat(completedOnly.engagement().daysDelivered()).isEqualByComparingTo("3");
        BrokerageRequest accepted = replay(all.subList(0, 3));
        EventEnvelope refused =
                Brokerage.holdRefused(accepted, new Command.Agree(SCHOOL, t(40), 3, "P1"), "INSUFFICIENT_FUNDS");
        assertThat(RequestHistory.project(List.of(refused)))
                .as("a refusal alone makes no request")
                .isEmpty();
        assertThat(RequestHistory.project(List.of(all.get(0), refused)))
                .isEqualTo(RequestHistory.project(List.of(all.get(0))));
        // nor do reconciliation's repairs, whether they move the request on a version or not
        EventEnvelope released =
                ((Result.Applied) Brokerage.releaseHold(accepted, Brokerage.holdId("R-1", "P1", 3), t(45))).event();
        EventEnvelope redriven =
                Brokerage.repaired(replay(all.subList(0, 4)), "post-redriven", "brk:R-1.P1.v3", "posted", t(210));
        assertThat(List.of(refused, released, redriven))
                .allSatisfy(e -> assertThat(RequestHistory.defectOf(e)).isEmpty());
        List<EventEnvelope> withRepairs = new ArrayList<>(all);
        withRepairs.add(released);
        withRepairs.add(redriven);
        assertThat(RequestHistory.project(withRepairs)).isEqualTo(RequestHistory.project(all));
    }

    @Test
    void cancellingAnAgreementMarksItsEngagementCancelled() {
        List<EventEnvelope> events = new ArrayList<>(lifecycle().subList(0, 4));
        BrokerageRequest agreed = replay(events);
        Result.Applied cancelled =
                (Result.Applied) Brokerage.apply(agreed, new Command.Cancel(ADVISER, t(50), 4, "no longer needed"));
        events.add(cancelled.event());
        RequestRows rows = RequestHistory.project(events).orElseThrow();
        assertThat(rows.request().closedAs()).isEqualTo("CANCELLED");
        assertThat(rows.engagement().cancelledAt()).isEqualTo(t(50));
        assertThat(rows.engagement().hold()).isEqualTo("VOIDED");
    }

    @Provide
    Arbitrary<List<EventEnvelope>> deliveries() {
        List<EventEnvelope> events = lifecycle();
        return Arbitraries.integers().between(0, 3).list().ofSize(events.size()).flatMap(copies -> {
            List<EventEnvelope> delivered = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                for (int c = 0; c < copies.get(i); c++) {
                    delivered.add(events.get(i));
                }
            }
            return Arbitraries.shuffle(delivered);
        });
    }

    @Property(tries = 300)
    void theRowsDependOnTheSetOfEventsOnly(@ForAll("deliveries") List<EventEnvelope> delivered) {
        List<EventEnvelope> distinctInOrder =
                lifecycle().stream().filter(delivered::contains).toList();
        assertThat(RequestHistory.project(delivered)).isEqualTo(RequestHistory.project(distinctInOrder));
    }

    private static BrokerageRequest replay(List<EventEnvelope> events) {
        Result.Applied a = (Result.Applied) Brokerage.raise(new Command.Raise(
                ADVISER,
                T0,
                "R-1",
                "100001",
                "888",
                List.of("CT.READ", "INC.SEND", "CT.READ.UNKNOWN"),
                "phonics",
                Urgency.HIGH,
                4,
                List.of(DeliveryMode.IN_SCHOOL),
                LocalDate.of(2026, 12, 1),
                20,
                List.of(),
                "Moorside Primary"));
        BrokerageRequest r = a.request();
        for (Command.Change c : List.of(
                        new Command.Propose(BROKER, t(1), 1, List.of(new Command.Offered("O-1", "P-A", 4, 12)), null),
                        new Command.Accept(PROVIDER, t(2), 2, "P1"),
                        new Command.Agree(SCHOOL, t(48), 3, "P1"))
                .subList(0, events.size() - 1)) {
            r = ((Result.Applied) Brokerage.apply(r, c)).request();
        }
        assertThat(r.version()).isEqualTo(events.size());
        return r;
    }
}
