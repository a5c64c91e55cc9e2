package uk.sse.kernel.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AreaTest {

    /** An academy trust whose academies are in three LAs, and the LA areas they sit in. */
    private static final Area TRUST = new Area(
            "trust-2044",
            "Northern Lights Academy Trust",
            AreaKind.TRUST,
            new MembershipRules(Set.of(), Set.of("2044"), Set.of()));

    private static final SchoolFacts IN_STOCKTON = new SchoolFacts("140001", "808", "2044");
    private static final SchoolFacts IN_DARLINGTON = new SchoolFacts("140002", "841", "2044");
    private static final SchoolFacts IN_HARTLEPOOL = new SchoolFacts("140003", "805", "2044");
    private static final SchoolFacts STOCKTON_MAINTAINED = new SchoolFacts("111001", "808", null);
    private static final SchoolFacts OTHER_TRUST = new SchoolFacts("140009", "808", "3001");

    @Property
    void anLasAreaHasExactlyTheSchoolsTheRegisterPlacesInItsLa(
            @ForAll("laCodes") String code, @ForAll("schools") SchoolFacts school) {
        // the rule before areas had kinds: the school's LA is the area
        assertThat(Area.localAuthority(code, "LA " + code).includes(school)).isEqualTo(code.equals(school.laCode()));
    }

    @Property
    void aTrustsAreaHasItsAcademiesWhateverTheirLa(
            @ForAll("trustCodes") String trust, @ForAll("schools") SchoolFacts school) {
        Area area = new Area(
                "trust-" + trust,
                "Trust " + trust,
                AreaKind.TRUST,
                new MembershipRules(Set.of(), Set.of(trust), Set.of()));
        assertThat(area.includes(school)).isEqualTo(trust.equals(school.trustCode()));
    }

    @Property
    void aSchoolIsAMemberOfRulesTakenTogetherIfAndOnlyIfEitherAdmitsIt(
            @ForAll("rules") MembershipRules a,
            @ForAll("rules") MembershipRules b,
            @ForAll("schools") SchoolFacts school) {
        assertThat(a.and(b).admits(school)).isEqualTo(a.admits(school) || b.admits(school));
    }

    @Property
    void aSchoolIsAMemberOnlyByItsLaItsTrustOrItsUrn(
            @ForAll("rules") MembershipRules rules, @ForAll("schools") SchoolFacts school) {
        boolean named = rules.laCodes().contains(school.laCode())
                || rules.urns().contains(school.urn())
                || (school.trustCode() != null && rules.trustCodes().contains(school.trustCode()));
        assertThat(rules.admits(school)).isEqualTo(named);
        assertThat(MembershipRules.NONE.admits(school)).isFalse();
    }

    @Test
    void aTrustAreaSpansThreeLasAndTheirAcademiesAreInBothAreas() {
        assertThat(TRUST.includes(IN_STOCKTON)).isTrue();
        assertThat(TRUST.includes(IN_DARLINGTON)).isTrue();
        assertThat(TRUST.includes(IN_HARTLEPOOL)).isTrue();
        assertThat(TRUST.includes(STOCKTON_MAINTAINED)).isFalse();
        assertThat(TRUST.includes(OTHER_TRUST)).isFalse();
        Area stockton = Area.localAuthority("808", "Stockton-on-Tees");
        assertThat(stockton.includes(IN_STOCKTON)).isTrue();
        assertThat(stockton.includes(IN_DARLINGTON)).isFalse();
    }

    @Test
    void aPartnershipOfTwoLasAndANamedSchoolHasTheirSchools() {
        Area partnership = new Area(
                "tees-valley",
                "Tees Valley Partnership",
                AreaKind.PARTNERSHIP,
                new MembershipRules(Set.of("808", "805"), Set.of(), Set.of("140002")));
        assertThat(partnership.includes(STOCKTON_MAINTAINED)).isTrue();
        assertThat(partnership.includes(IN_HARTLEPOOL)).isTrue();
        assertThat(partnership.includes(IN_DARLINGTON)).isTrue();
        assertThat(partnership.includes(new SchoolFacts("150000", "841", null))).isFalse();
    }

    @Test
    void anLaCodeIsNeverTheIdOfAnotherKindOfAreaAndAnLasAreaIsOnlyItsLa() {
        assertThat(Area.problem("2044", "A trust", AreaKind.TRUST, TRUST.rules()))
                .isPresent();
        assertThat(Area.problem("trust-2044", "A trust", AreaKind.LA, TRUST.rules()))
                .isPresent();
        assertThat(Area.problem(
                        "808", "Stockton", AreaKind.LA, new MembershipRules(Set.of("808", "805"), Set.of(), Set.of())))
                .isPresent();
        assertThat(Area.problem("tees valley", "Tees Valley", AreaKind.PARTNERSHIP, MembershipRules.NONE))
                .isPresent();
        assertThat(Area.problem("tees-valley", " ", AreaKind.PARTNERSHIP, MembershipRules.NONE))
                .isPresent();
        assertThat(Area.problem("tees-valley", "Tees Valley", AreaKind.PARTNERSHIP, MembershipRules.NONE))
                .isEmpty();
        assertThatThrownBy(() -> new Area("808", "Stockton", AreaKind.HUB, MembershipRules.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Area.isLaCode("808")).isTrue();
        assertThat(Area.isLaCode("trust-2044")).isFalse();
    }

    @Provide
    Arbitrary<String> laCodes() {
        return Arbitraries.of("805", "808", "841", "888", "201");
    }

    @Provide
    Arbitrary<String> trustCodes() {
        return Arbitraries.of("2044", "3001", "17157");
    }

    @Provide
    Arbitrary<SchoolFacts> schools() {
        return Combinators.combine(
                        Arbitraries.of("100000", "140001", "140002", "111001"),
                        laCodes(),
                        trustCodes().injectNull(0.4))
                .as(SchoolFacts::new);
    }

    @Provide
    Arbitrary<MembershipRules> rules() {
        return Combinators.combine(
                        laCodes().set().ofMaxSize(3),
                        trustCodes().set().ofMaxSize(2),
                        Arbitraries.of("100000", "140001", "140002", "111001")
                                .set()
                                .ofMaxSize(2))
                .as(MembershipRules::new);
    }
}
