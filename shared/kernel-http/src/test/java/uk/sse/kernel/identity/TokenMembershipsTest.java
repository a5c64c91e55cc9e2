package uk.sse.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TokenMembershipsTest {

    @Property
    void anOlderTokensRoleAreaAndOrganisationAreOneMembership(
            @ForAll Role role, @ForAll("parts") String area, @ForAll("parts") String org) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(Role.CLAIM, role.name());
        claims.put(Caller.AREA_CLAIM, area);
        claims.put(Caller.ORGANISATION_CLAIM, org);

        assertThat(TokenMemberships.of(claims)).containsExactly(new Membership(role, area, org));
    }

    @Property
    void theMembershipsClaimGivesItsWellFormedEntriesOnceEachInOrder(@ForAll("entries") List<Object> entries) {
        List<Membership> expected = new ArrayList<>(new LinkedHashSet<>(entries.stream()
                .filter(String.class::isInstance)
                .map(e -> Membership.parse((String) e))
                .flatMap(java.util.Optional::stream)
                .toList()));

        assertThat(TokenMemberships.of(Map.of(Caller.MEMBERSHIPS_CLAIM, entries)))
                .containsExactlyElementsOf(expected);
    }

    @Property
    void theMembershipsClaimIsReadRatherThanTheOlderClaims(
            @ForAll("written") List<Membership> memberships, @ForAll Role other) {
        Map<String, Object> claims = Map.of(
                Caller.MEMBERSHIPS_CLAIM,
                memberships.stream().map(Membership::written).toList(),
                Role.CLAIM,
                other.name(),
                Caller.AREA_CLAIM,
                "999");

        assertThat(TokenMemberships.of(claims)).containsExactlyElementsOf(new LinkedHashSet<>(memberships));
    }

    @Test
    void aTokenWithoutAKnownRoleOrAnyWellFormedMembershipNamesNobody() {
        assertThat(TokenMemberships.of(Map.of())).isEmpty();
        assertThat(TokenMemberships.of(Map.of(Role.CLAIM, "KING", Caller.AREA_CLAIM, "888")))
                .isEmpty();
        assertThat(TokenMemberships.of(Map.of(Caller.MEMBERSHIPS_CLAIM, List.of("KING@888", 42))))
                .isEmpty();
        // an empty memberships claim is not an older token: its role claim does not count
        assertThat(TokenMemberships.of(Map.of(Caller.MEMBERSHIPS_CLAIM, List.of(), Role.CLAIM, "ADMIN")))
                .isEmpty();
    }

    @Test
    void aSingleStringClaimIsOneEntryAndAVeryLongListIsReadOnlyToItsLimit() {
        assertThat(TokenMemberships.of(Map.of(Caller.MEMBERSHIPS_CLAIM, "BROKER@888")))
                .containsExactly(new Membership(Role.BROKER, "888", null));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add("ADVISER@a" + i);
        }
        assertThat(TokenMemberships.of(Map.of(Caller.MEMBERSHIPS_CLAIM, many))).hasSize(TokenMemberships.MOST);
    }

    @Test
    void theSignedClaimsOfAPersonReadBackAsTheirMemberships() {
        List<Membership> two = List.of(
                new Membership(Role.ASSURER, "888", "100001"), new Membership(Role.ADVISER, "trust-2044", "TR2044"));
        Map<String, Object> claims =
                TokenClaims.person(IdentitySettings.local(), "head", two, java.time.Duration.ofMinutes(5));
        assertThat(TokenMemberships.of(claims)).containsExactlyElementsOf(two);
        assertThat(claims).doesNotContainKey(Role.CLAIM);

        Map<String, Object> one = TokenClaims.person(
                IdentitySettings.local(), "adviser", two.subList(1, 2), java.time.Duration.ofMinutes(5));
        assertThat(one)
                .containsEntry(Role.CLAIM, "ADVISER")
                .containsEntry(Caller.AREA_CLAIM, "trust-2044")
                .containsEntry(Caller.ORGANISATION_CLAIM, "TR2044");
        assertThat(TokenMemberships.of(one)).containsExactlyElementsOf(two.subList(1, 2));
    }

    @Provide
    Arbitrary<String> parts() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(10)
                .injectNull(0.2);
    }

    @Provide
    Arbitrary<List<Membership>> written() {
        return Memberships.valid().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Object>> entries() {
        Arbitrary<Object> entry = Arbitraries.oneOf(
                Memberships.valid().map(Membership::written).map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(30).map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.of("ADVISER@888", "BROKER@888/100000", "adviser@888")
                        .map(Object.class::cast));
        return entry.list().ofMaxSize(12);
    }
}
