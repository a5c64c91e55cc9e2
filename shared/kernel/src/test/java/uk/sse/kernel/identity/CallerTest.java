package uk.sse.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final Membership ASSURER_HERE = new Membership(Role.ASSURER, "888", "100001");
    private static final Membership ADVISER_THERE = new Membership(Role.ADVISER, "trust-2044", "TR2044");

    @Property
    void theOlderAccessorsAnswerForTheHatAlone(
            @ForAll("people") List<Membership> memberships, @ForAll Role role, @ForAll("areas") String area) {
        Caller caller = Caller.person("p", memberships);
        Membership hat = memberships.getFirst();

        assertThat(caller.role()).isEqualTo(hat.role());
        assertThat(caller.area()).isEqualTo(hat.area());
        assertThat(caller.organisation()).isEqualTo(hat.organisation());
        assertThat(caller.is(role)).isEqualTo(hat.role() == role);
        assertThat(caller.isIn(role, area)).isEqualTo(hat.isIn(role, area));
        assertThat(caller.actsIn(area)).isEqualTo(area.equals(hat.area()));
    }

    @Property
    void holdsLooksAtEachMembershipOnItsOwn(
            @ForAll("people") List<Membership> memberships, @ForAll Role role, @ForAll("areas") String area) {
        Caller caller = Caller.person("p", memberships);

        assertThat(caller.holds(role, area))
                .isEqualTo(memberships.stream().anyMatch(m -> m.role() == role && area.equals(m.area())));
        assertThat(caller.membershipsAs(role)).allMatch(m -> m.role() == role).hasSize((int)
                memberships.stream().distinct().filter(m -> m.role() == role).count());
        if (caller.isIn(role, area)) {
            assertThat(caller.holds(role, area)).isTrue();
        }
    }

    @Property
    void wearingAnotherHatMakesItTheFirstAndKeepsEveryMembership(
            @ForAll("people") List<Membership> memberships, @ForAll("membership") Membership chosen) {
        Caller caller = Caller.person("p", memberships);

        if (memberships.contains(chosen)) {
            Caller wearing = caller.wearing(chosen).orElseThrow();
            assertThat(wearing.hat()).contains(chosen);
            assertThat(wearing.memberships()).containsExactlyInAnyOrderElementsOf(caller.memberships());
            assertThat(wearing.subject()).isEqualTo("p");
        } else {
            assertThat(caller.wearing(chosen)).isEmpty();
        }
    }

    @Test
    void anAssurerHereWhoAdvisesThereIsNeitherAcrossTheTwo() {
        Caller head = Caller.person("head", List.of(ASSURER_HERE, ADVISER_THERE));

        assertThat(head.holds(Role.ASSURER, "888")).isTrue();
        assertThat(head.holds(Role.ADVISER, "trust-2044")).isTrue();
        assertThat(head.holds(Role.ADVISER, "888")).isFalse();
        assertThat(head.holds(Role.ASSURER, "trust-2044")).isFalse();
        // wearing the assurer's hat, the older checks see only it
        assertThat(head.is(Role.ADVISER)).isFalse();
        assertThat(head.isIn(Role.ADVISER, "trust-2044")).isFalse();
        assertThat(head.wearing(ADVISER_THERE).orElseThrow().isIn(Role.ADVISER, "trust-2044"))
                .isTrue();
    }

    @Test
    void aPersonOfOneMembershipIsThePersonAnOlderTokenMade() {
        assertThat(new Caller("a", Role.ADVISER, "888", null))
                .isEqualTo(Caller.person("a", List.of(new Membership(Role.ADVISER, "888", null))));
        assertThat(Caller.person("a", List.of(ADVISER_THERE, ADVISER_THERE)).memberships())
                .containsExactly(ADVISER_THERE);
    }

    @Test
    void aServiceHoldsNoMembershipAndAPersonAtLeastOne() {
        Caller service = Caller.service("sse-brokerage", Set.of(ServiceScope.LEDGER_HOLDS), null);
        assertThat(service.hat()).isEmpty();
        assertThat(service.role()).isNull();
        assertThat(service.is(Role.ADMIN)).isFalse();
        assertThat(service.holds(Role.ADMIN, "888")).isFalse();
        assertThat(service.wearing(ADVISER_THERE)).isEmpty();
        assertThatThrownBy(() -> Caller.person("nobody", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<List<Membership>> people() {
        return Memberships.valid().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Membership> membership() {
        return Memberships.valid();
    }

    @Provide
    Arbitrary<String> areas() {
        return Memberships.areas();
    }

    @Test
    void theMembershipAnActionIsTakenInIsTheFirstThatAloneWouldBeAllowedTheHatFirst() {
        Membership adviserThere = new Membership(Role.ADVISER, "999", null);
        Membership commissionerHere = new Membership(Role.COMMISSIONER, "888", null);
        Membership adminHere = new Membership(Role.ADMIN, "888", null);
        Caller person = Caller.person("p", List.of(adviserThere, commissionerHere, adminHere));
        assertThat(person.wearingOneThat(c -> c.isIn(Role.COMMISSIONER, "888") || c.isIn(Role.ADMIN, "888")))
                .hasValueSatisfying(c -> {
                    assertThat(c.hat()).hasValue(commissionerHere);
                    assertThat(c.memberships()).containsExactlyInAnyOrder(adviserThere, commissionerHere, adminHere);
                });
        assertThat(person.wearing(adminHere)
                        .orElseThrow()
                        .wearingOneThat(c -> c.isIn(Role.COMMISSIONER, "888") || c.isIn(Role.ADMIN, "888")))
                .hasValueSatisfying(c -> assertThat(c.hat()).hasValue(adminHere));
        assertThat(person.wearingOneThat(c -> c.is(Role.ADVISER) && c.actsIn("888")))
                .as("never parts of two")
                .isEmpty();
        assertThat(Caller.service("svc", Set.of("s"), null).wearingOneThat(c -> true))
                .isEmpty();
    }
}
