package uk.sse.brokerage.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.Policy;
import uk.sse.brokerage.model.Result;
import uk.sse.brokerage.model.Urgency;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;

/** A person with several memberships has to do with a request in exactly the memberships that would on their own (decision 0080). */
class ActorsPropertyTest {

    @Property
    void aPersonSeesARequestIfAndOnlyIfOneOfTheirMembershipsWouldAndWearsTheHatWhenItDoes(
            @ForAll("people") List<Membership> memberships, @ForAll("requests") BrokerageRequest request) {
        Caller person = Caller.person("p", memberships);

        Caller wearing = Actors.wearingFor(person, request);

        boolean anyOneSees =
                memberships.stream().anyMatch(m -> Policy.maySee(Actors.of(Caller.person("p", List.of(m))), request));
        assertThat(Policy.maySee(Actors.of(wearing), request)).isEqualTo(anyOneSees);
        assertThat(wearing.memberships()).containsExactlyInAnyOrderElementsOf(person.memberships());
        if (Policy.maySee(Actors.of(person), request)) {
            assertThat(wearing).isEqualTo(person);
        }
    }

    @Provide
    Arbitrary<List<Membership>> people() {
        Arbitrary<Membership> one = Combinators.combine(
                        Arbitraries.of(Role.class),
                        Arbitraries.of("888", "889", "trust-2044"),
                        Arbitraries.of("la-888", "100001", "100002", "TR2044").injectNull(0.2))
                .as(Membership::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<BrokerageRequest> requests() {
        return Combinators.combine(Arbitraries.of("888", "trust-2044"), Arbitraries.of("100001", "100002"))
                .as((area, urn) -> {
                    Command.Raise raise = new Command.Raise(
                            Actor.adviser("ann", area),
                            Instant.parse("2026-12-01T10:00:00Z"),
                            "R-" + area + urn,
                            urn,
                            area,
                            List.of("SEND"),
                            "need",
                            Urgency.HIGH,
                            2,
                            List.of(),
                            LocalDate.parse("2027-01-01"),
                            5,
                            List.of());
                    return ((Result.Applied) Brokerage.raise(raise)).request();
                });
    }
}
