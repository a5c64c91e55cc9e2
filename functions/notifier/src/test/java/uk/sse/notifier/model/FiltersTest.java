package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.Result;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.notifier.testing.DirectoryOffers;

/** Filters: an area of support matches its subtree; a filter constrains only the events that carry its attribute. */
class FiltersTest {

    static final Taxonomy T = Taxonomy.standard();

    static EventEnvelope event(String type, Map<String, Object> data) {
        return new EventEnvelope(type, "x/1", Instant.parse("2026-12-01T09:00:00Z"), "888", data);
    }

    /** An offer submitted, as the directory's own code reports it. */
    static EventEnvelope offer(List<String> areasOfSupport) {
        return DirectoryOffers.submitted(
                "off_1", "888", "Riverside Trust", ProviderType.TRUST, "Phonics", areasOfSupport, 8, "provider-888-1");
    }

    /** A request raised by the brokerage's own model, as its stream carries it. */
    static EventEnvelope raised(List<String> areasOfSupport, Urgency urgency) {
        Result.Applied raised = (Result.Applied) Brokerage.raise(new Command.Raise(
                Actor.adviser("ann", "888"),
                Instant.parse("2026-12-01T09:00:00Z"),
                "R-1",
                "100001",
                "888",
                areasOfSupport,
                "phonics",
                uk.sse.brokerage.model.Urgency.valueOf(urgency.name()),
                4,
                List.of(),
                LocalDate.of(2026, 12, 24),
                20,
                List.of(),
                "Ash Primary"));
        return raised.event();
    }

    @Test
    void anAreaOfSupportMatchesItselfAndEverythingBeneathIt() {
        Filters send = new Filters(List.of("INC.SEND"), Set.of());
        assertThat(send.matches(raised(List.of("INC.SEND.ASD"), Urgency.MEDIUM), T))
                .isTrue();
        assertThat(send.matches(raised(List.of("INC.SEND"), Urgency.MEDIUM), T)).isTrue();
        assertThat(send.matches(raised(List.of("CT.READ", "INC.SEND.SLCN"), Urgency.MEDIUM), T))
                .isTrue();
        assertThat(send.matches(raised(List.of("INC"), Urgency.MEDIUM), T))
                .as("a parent is broader than the filter")
                .isFalse();
        assertThat(send.matches(raised(List.of("INC.EAL", "CT.MATHS"), Urgency.MEDIUM), T))
                .isFalse();
        assertThat(send.matches(raised(List.of("INC.SENDX"), Urgency.MEDIUM), T))
                .as("a code sharing a prefix is not beneath")
                .isFalse();
        Filters top = new Filters(List.of("INC"), Set.of());
        assertThat(top.matches(offer(List.of("INC.SEND.ASD")), T)).isTrue();
    }

    @Test
    void urgencyConstrainsOnlyEventsThatHaveOne() {
        Filters urgent = new Filters(List.of(), Set.of(Urgency.HIGH, Urgency.URGENT));
        assertThat(urgent.matches(raised(List.of("CT"), Urgency.URGENT), T)).isTrue();
        assertThat(urgent.matches(raised(List.of("CT"), Urgency.LOW), T)).isFalse();
        assertThat(urgent.matches(offer(List.of("CT.READ")), T))
                .as("offers carry no urgency")
                .isTrue();
        assertThat(Filters.NONE.matches(raised(List.of("CT"), Urgency.LOW), T)).isTrue();
        Filters both = new Filters(List.of("CT.READ"), Set.of(Urgency.HIGH));
        assertThat(both.matches(raised(List.of("CT.READ"), Urgency.HIGH), T)).isTrue();
        assertThat(both.matches(raised(List.of("CT.ENG"), Urgency.HIGH), T)).isFalse();
        assertThat(both.matches(raised(List.of("CT.READ"), Urgency.LOW), T)).isFalse();
    }

    @Test
    void aSubscriptionWantsOnlyItsOwnAreasTypesWhileActive() {
        Subscription s = Subscription.of(
                "sub_1",
                "888",
                new Subscription.Choice(
                        "https://x.test/",
                        List.of("brokerage.request.created"),
                        new Filters(List.of("INC"), Set.of()),
                        Format.JSON,
                        null),
                SecretRing.of(SigningSecret.generate(new java.util.Random(1)), Instant.EPOCH),
                "bob",
                Instant.EPOCH);
        EventEnvelope wanted = raised(List.of("INC.EAL"), Urgency.MEDIUM);
        assertThat(s.wants(wanted, T)).isTrue();
        assertThat(s.wants(new EventEnvelope(wanted.type(), wanted.id(), wanted.occurredAt(), "999", wanted.data()), T))
                .isFalse();
        assertThat(s.wants(event("brokerage.engagement.agreed", wanted.data()), T))
                .isFalse();
        assertThat(s.paused(Instant.EPOCH).wants(wanted, T)).isFalse();
        assertThat(s.disabled("gone", Instant.EPOCH).wants(wanted, T)).isFalse();
        assertThat(s.paused(Instant.EPOCH).resumed(Instant.EPOCH).wants(wanted, T))
                .isTrue();
    }

    @Test
    void theRulesNameEachBrokenPart() {
        Subscription.Choice bad = new Subscription.Choice(
                "https://x.test/",
                List.of(
                        "brokerage.request.created",
                        "brokerage.request.exploded",
                        "brokerage.request.created",
                        "notifier.subscription.disabled"),
                new Filters(List.of("INC", "NOPE", "INC"), Set.of()),
                Format.SLACK,
                "d".repeat(201));
        assertThat(SubscriptionRules.check(bad, false, T))
                .extracting(Outcome.Violation::field)
                .containsExactly(
                        "/eventTypes/1",
                        "/eventTypes/2",
                        "/eventTypes/3",
                        "/filters/areasOfSupport/1",
                        "/filters/areasOfSupport/2",
                        "/description");
        assertThat(SubscriptionRules.check(bad, true, T))
                .extracting(Outcome.Violation::field)
                .doesNotContain("/eventTypes/3");
        assertThat(SubscriptionRules.check(new Subscription.Choice("u", List.of(), null, Format.JSON, null), false, T))
                .extracting(Outcome.Violation::field)
                .containsExactly("/eventTypes");
        assertThat(SubscriptionRules.check(
                        new Subscription.Choice("u", List.of("directory.offer.submitted"), null, Format.JSON, null),
                        false,
                        T))
                .isEmpty();
    }
}
